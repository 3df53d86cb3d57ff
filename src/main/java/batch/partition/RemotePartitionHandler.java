package batch.partition;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import batch.shared.StepKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.partition.support.AbstractPartitionHandler;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * The manager's side of remote partitioning: queues each partition in Redis for the workers
 * ({@link PartitionQueue}), then follows them in the job repository, the record of truth, until
 * all have ended. A partition a worker took over from a dead one has a successor execution: the
 * latest execution of each partition counts.
 * <p>
 * It never waits for ever: after {@link RemoteProperties#timeout()} it fails the step, naming the
 * partitions not finished. Queued partitions whose request is lost (Redis restarted empty, or
 * out of reach for longer than {@link RemoteProperties#redisOutage()}) are failed, so that the run
 * ends FAILED once the partitions that are running have ended, and restarts by id. A run being
 * stopped withdraws the partitions no worker has started.
 * <p>
 * While partitions wait and no worker takes one, it says so after
 * {@link RemoteProperties#idleWarning()}, and again after each such period: in its log, and in
 * the manager step's execution context ({@link StepKeys#REMOTE_WARNING}), where {@code status}
 * and the console read it, with the number of workers listening.
 */
class RemotePartitionHandler extends AbstractPartitionHandler {

	private static final Logger logger = LoggerFactory.getLogger(RemotePartitionHandler.class);

	private final JobRepository jobRepository;

	private final PartitionQueue queue;

	private final RemoteProperties properties;

	private final String workerStep;

	public RemotePartitionHandler(JobRepository jobRepository, PartitionQueue queue, RemoteProperties properties,
			String workerStep, int gridSize) {
		this.jobRepository = jobRepository;
		this.queue = queue;
		this.properties = properties;
		this.workerStep = workerStep;
		setGridSize(gridSize);
	}

	@Override
	protected Set<StepExecution> doHandle(StepExecution manager, Set<StepExecution> partitions) throws Exception {
		if (partitions.isEmpty()) {
			return partitions;
		}
		String jobName = manager.getJobExecution().getJobInstance().getJobName();
		long jobExecutionId = manager.getJobExecutionId();
		Map<String, String> requests = new TreeMap<>();
		this.queue.prepare(jobName);
		for (StepExecution partition : partitions.stream().sorted(Comparator.comparing(StepExecution::getId)).toList()) {
			requests.put(partition.getStepName(), this.queue.send(jobName, new PartitionRequest(jobExecutionId,
					partition.getId(), this.workerStep, partition.getStepName())));
		}
		logger.info("sent {} partitions of {} (execution {}) to the workers in namespace {}", requests.size(),
				manager.getStepName(), jobExecutionId, this.properties.namespace());
		long deadline = System.nanoTime() + this.properties.timeout().toNanos();
		Long unreachableSince = null;
		Map<String, Silence> silences = new HashMap<>();
		Idleness idleness = new Idleness(manager, jobName, partitions.size());
		while (true) {
			Thread.sleep(this.properties.pollInterval().toMillis());
			Map<String, StepExecution> latest = latest(jobExecutionId, requests.keySet());
			List<StepExecution> running = latest.values().stream().filter((step) -> step.getStatus().isRunning()).toList();
			if (running.isEmpty()) {
				idleness.clear();
				return Set.copyOf(latest.values());
			}
			List<StepExecution> queued = running.stream().filter((step) -> step.getStatus() == BatchStatus.STARTING).toList();
			idleness.queued(queued.size());
			JobExecution job = this.jobRepository.getJobExecution(jobExecutionId);
			// a stopped run is STOPPING until its steps end (STOPPED at once if Spring Batch stopped it):
			// the partitions running stop after their chunk in flight; those queued are withdrawn
			if (job != null && (job.getStatus() == BatchStatus.STOPPING || job.getStatus() == BatchStatus.STOPPED)) {
				for (StepExecution step : queued) {
					end(step, BatchStatus.STOPPED, ExitStatus.STOPPED, "the run was stopped before a worker took it");
					withdraw(jobName, requests.get(step.getStepName()));
				}
				continue;
			}
			List<StepExecution> lost = new ArrayList<>();
			String why = null;
			try {
				for (StepExecution step : running) {
					boolean present = this.queue.contains(jobName, requests.get(step.getStepName()));
					if (!present && step.getStatus() == BatchStatus.STARTING) {
						lost.add(step);
					}
					else if (!present) {
						resendIfSilent(jobName, jobExecutionId, step, silences, requests);
					}
				}
				why = "its request is no longer in Redis (restarted without its data?)";
				unreachableSince = null;
			}
			catch (DataAccessException ex) {
				if (unreachableSince == null) {
					unreachableSince = System.nanoTime();
					logger.warn("Redis is out of reach: {}", ex.getMessage());
				}
				if (System.nanoTime() - unreachableSince > this.properties.redisOutage().toNanos()) {
					lost.addAll(queued);
					why = "Redis has been out of reach for more than " + this.properties.redisOutage().toSeconds()
							+ " s (batch.remote.redis-outage)";
				}
			}
			for (StepExecution step : lost) {
				end(step, BatchStatus.FAILED, ExitStatus.FAILED, "no worker ran it: " + why);
			}
			if (System.nanoTime() - deadline > 0) {
				for (StepExecution step : queued) {
					end(step, BatchStatus.FAILED, ExitStatus.FAILED, "no worker took it within the timeout");
					withdraw(jobName, requests.get(step.getStepName()));
				}
				throw new IllegalStateException(unfinished(manager, running));
			}
		}
	}

	// A partition a worker started whose request has gone from Redis (which lost its data) cannot be
	// taken over through its lease: if the execution then shows no progress for two leases, by this
	// process's clock, its worker is taken for dead and the partition is sent again for a takeover.
	private void resendIfSilent(String jobName, long jobExecutionId, StepExecution step, Map<String, Silence> silences,
			Map<String, String> requests) {
		Silence silence = silences.get(step.getStepName());
		if (silence == null || silence.stepExecutionId() != step.getId() || silence.version() != step.getVersion()) {
			silences.put(step.getStepName(), new Silence(step.getId(), step.getVersion(), System.nanoTime()));
			return;
		}
		if (System.nanoTime() - silence.since() > 2 * this.properties.lease().toNanos()) {
			logger.warn("partition {} of execution {}: its request is gone from Redis and its worker silent for two "
					+ "leases: sending it again for another worker to take over", step.getStepName(), jobExecutionId);
			requests.put(step.getStepName(), this.queue.send(jobName,
					new PartitionRequest(jobExecutionId, step.getId(), this.workerStep, step.getStepName(), true)));
			silences.remove(step.getStepName());
		}
	}

	private record Silence(long stepExecutionId, int version, long since) {

	}

	// Since when no partition of the step has been taken while some wait, and whether it was said.
	private final class Idleness {

		private final StepExecution manager;

		private final String jobName;

		private int queued;

		private long since = System.nanoTime();

		private long said;

		private boolean warning;

		Idleness(StepExecution manager, String jobName, int queued) {
			this.manager = manager;
			this.jobName = jobName;
			this.queued = queued;
		}

		void queued(int now) {
			long idleWarning = RemotePartitionHandler.this.properties.idleWarning().toNanos();
			if (now < this.queued) {
				this.since = System.nanoTime();
				clear();
			}
			this.queued = now;
			long time = System.nanoTime();
			if (now > 0 && time - this.since >= idleWarning && (!this.warning || time - this.said >= idleWarning)) {
				this.said = time;
				say(Duration.ofNanos(time - this.since));
			}
		}

		void clear() {
			if (this.warning) {
				this.warning = false;
				this.manager.getExecutionContext().remove(StepKeys.REMOTE_WARNING);
				RemotePartitionHandler.this.jobRepository.updateExecutionContext(this.manager);
			}
		}

		private void say(Duration idle) {
			String listening;
			try {
				long since = System.currentTimeMillis() - RemotePartitionHandler.this.properties.lease().toMillis();
				listening = Long.toString(RemotePartitionHandler.this.queue.listening(since)
					.stream()
					.filter((worker) -> takes(worker, this.jobName))
					.count());
			}
			catch (DataAccessException ex) {
				listening = "Redis out of reach, unknown";
			}
			String warning = "no worker has taken a partition for " + spoken(idle) + " (" + listening + " listening)";
			logger.warn("{} of execution {}: {}; {} waiting. Check that workers run in namespace '{}' for {}",
					this.manager.getStepName(), this.manager.getJobExecutionId(), warning, this.queued,
					RemotePartitionHandler.this.properties.namespace(), this.jobName);
			this.warning = true;
			this.manager.getExecutionContext().putString(StepKeys.REMOTE_WARNING, warning);
			RemotePartitionHandler.this.jobRepository.updateExecutionContext(this.manager);
		}

	}

	// A worker takes the job's partitions unless it said it takes only others.
	private static boolean takes(PartitionQueue.Worker worker, String jobName) {
		String jobs = worker.details().get("jobs");
		return jobs == null || jobs.isBlank() || List.of(jobs.split(",")).contains(jobName);
	}

	// "2 minutes", "1 minute", "45 seconds": as an operator reads it in a log line
	static String spoken(Duration duration) {
		long minutes = duration.toMinutes();
		if (minutes >= 1) {
			return minutes + ((minutes == 1) ? " minute" : " minutes");
		}
		long seconds = duration.toSeconds();
		return seconds + ((seconds == 1) ? " second" : " seconds");
	}

	// The latest execution of each partition: a taken-over partition's successor, not the execution
	// the dead worker left.
	private Map<String, StepExecution> latest(long jobExecutionId, Collection<String> names) {
		JobExecution job = this.jobRepository.getJobExecution(jobExecutionId);
		Map<String, StepExecution> latest = new HashMap<>();
		for (StepExecution step : job.getStepExecutions()) {
			if (names.contains(step.getStepName())) {
				latest.merge(step.getStepName(), step, (a, b) -> (a.getId() > b.getId()) ? a : b);
			}
		}
		return latest;
	}

	private String unfinished(StepExecution manager, List<StepExecution> running) {
		List<String> names = new ArrayList<>();
		for (StepExecution step : running.stream().sorted(Comparator.comparing(StepExecution::getStepName)).toList()) {
			names.add(step.getStepName() + ((step.getStatus() == BatchStatus.STARTING) ? " (no worker took it)"
					: " (" + step.getStatus() + ", still running or its worker died)"));
		}
		return manager.getStepName() + ": " + running.size() + " partitions not finished within "
				+ format(this.properties.timeout()) + " (batch.remote.timeout): " + String.join(", ", names)
				+ ". Check that workers run in namespace '" + this.properties.namespace()
				+ "' and reach the database, then restart the run";
	}

	// Ends a partition no worker has started; if a worker starts it at this moment, the worker's
	// update or this one loses on the execution's version, and the next poll sees the winner.
	private void end(StepExecution step, BatchStatus status, ExitStatus exitStatus, String message) {
		StepExecution current = this.jobRepository.getStepExecution(step.getId());
		if (current == null || current.getStatus() != BatchStatus.STARTING) {
			return;
		}
		current.setStatus(status);
		current.setExitStatus(exitStatus.addExitDescription(message));
		current.setEndTime(LocalDateTime.now());
		try {
			this.jobRepository.update(current);
			logger.warn("partition {} of execution {} ended {}: {}", step.getStepName(), step.getJobExecutionId(), status,
					message);
		}
		catch (OptimisticLockingFailureException ex) {
			logger.info("partition {} was started as it was being ended: it runs", step.getStepName());
		}
	}

	private void withdraw(String jobName, String id) {
		try {
			this.queue.withdraw(jobName, id);
		}
		catch (DataAccessException ex) {
			// a worker that takes it finds the partition ended, and discards it
			logger.warn("cannot withdraw a request from Redis: {}", ex.getMessage());
		}
	}

	private static String format(Duration duration) {
		return duration.toString().substring(2).toLowerCase();
	}

}
