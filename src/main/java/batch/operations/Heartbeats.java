package batch.operations;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;

import batch.shared.ProcessIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Records, every heartbeat interval, that the runs this process executes are alive: host, process
 * id and the database's time, in {@code run_heartbeat}. {@code recover} reads it to tell a run
 * whose process died from one still running elsewhere.
 */
@Component
public class Heartbeats {

	private static final Logger logger = LoggerFactory.getLogger(Heartbeats.class);

	private static final String START = "INSERT INTO run_heartbeat (job_execution_id, host, pid, beat_at)"
			+ " VALUES (?, ?, ?, CURRENT_TIMESTAMP(3)) ON DUPLICATE KEY UPDATE host = VALUES(host), pid = VALUES(pid),"
			+ " beat_at = VALUES(beat_at)";

	private static final String BEAT = "UPDATE run_heartbeat SET beat_at = CURRENT_TIMESTAMP(3)"
			+ " WHERE job_execution_id = ?";

	private static final String LAST = "SELECT host, pid, beat_at, CURRENT_TIMESTAMP(3) AS now FROM run_heartbeat"
			+ " WHERE job_execution_id = ?";

	private final JdbcTemplate jdbc;

	private final Duration interval;

	private final String host = ProcessIdentity.current().host();

	private final long pid = ProcessIdentity.current().pid();

	private final Set<Long> beating = ConcurrentHashMap.newKeySet();

	private final TaskScheduler scheduler;

	private ScheduledFuture<?> beats;

	Heartbeats(JdbcTemplate jdbc, OperationsProperties properties, TaskScheduler operationsScheduler) {
		this.jdbc = jdbc;
		this.interval = properties.heartbeatInterval();
		this.scheduler = operationsScheduler;
	}

	/** A run of this process has started: it beats until {@link #end}. */
	public void start(long executionId) {
		this.jdbc.update(START, executionId, this.host, this.pid);
		this.beating.add(executionId);
		scheduler();
	}

	/** The run has ended in this process; its last heartbeat stays, to say where it ran. */
	public void end(long executionId) {
		this.beating.remove(executionId);
	}

	/** Deletes the heartbeat of a run whose metadata is purged. */
	public void forget(long executionId) {
		this.jdbc.update("DELETE FROM run_heartbeat WHERE job_execution_id = ?", executionId);
	}

	/** The last heartbeat of a run, or null if no process ever recorded one. */
	public Pulse last(long executionId) {
		List<Pulse> pulses = this.jdbc.query(LAST, (rs, row) -> {
			Timestamp beat = rs.getTimestamp("beat_at");
			Timestamp now = rs.getTimestamp("now");
			return new Pulse(rs.getString("host"), rs.getLong("pid"),
					Duration.between(beat.toInstant(), now.toInstant()));
		}, executionId);
		return pulses.isEmpty() ? null : pulses.get(0);
	}

	/**
	 * Whether the process of a run may still be alive: on this host, if its process exists; on
	 * another, if it beat within the last three intervals.
	 */
	public boolean mayBeAlive(Pulse pulse) {
		if (pulse == null) {
			return false;
		}
		if (pulse.host().equals(this.host)) {
			return ProcessHandle.of(pulse.pid()).map(ProcessHandle::isAlive).orElse(false);
		}
		return pulse.age().compareTo(this.interval.multipliedBy(3)) < 0;
	}

	// from the first run on, for as long as the process lives (the scheduler ends with it)
	private synchronized void scheduler() {
		if (this.beats == null) {
			this.beats = this.scheduler.scheduleWithFixedDelay(this::beat, Instant.now().plus(this.interval),
					this.interval);
		}
	}

	private void beat() {
		for (Long executionId : this.beating) {
			try {
				this.jdbc.update(BEAT, executionId);
			}
			catch (DataAccessException ex) {
				logger.warn("cannot record the heartbeat of execution {}: {}", executionId, ex.getMessage());
			}
		}
	}

	/** A run's last heartbeat: where it ran and how long ago it beat. */
	public record Pulse(String host, long pid, Duration age) {

	}

}
