package batch.partition;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import batch.shared.ProcessIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * A remote partition worker ({@code ./batch worker}): threads that take partitions from the
 * Redis streams of their namespace ({@link PartitionQueue}) and hand each to a
 * {@link RequestHandler}, which runs it on the very worker step beans that local partitioning uses.
 * <p>
 * Before it takes new work, an idle thread claims a partition whose worker stopped renewing its
 * lease (killed, out of memory, node lost); what becomes of it is the {@link RequestTriage}'s
 * decision: a successor resumes it from its last committed chunk ({@link Takeover}) if that worker
 * had started it, and requests for runs that are no longer running are discarded with a log line.
 * <p>
 * While it runs, it says that it listens ({@link PartitionQueue#announce}) every third of a
 * lease, so that managers and the console know who is there, idle or busy.
 */
public class PartitionWorker {

	private static final Logger logger = LoggerFactory.getLogger(PartitionWorker.class);

	private final PartitionQueue queue;

	private final RequestHandler handler;

	private final RemoteProperties properties;

	private final List<String> jobNames;

	private final WorkerMetrics metrics;

	private final ThreadPoolTaskExecutor threads;

	private final TaskScheduler scheduler;

	private final String id = ProcessIdentity.current().host() + ":" + ProcessIdentity.current().pid();

	private ScheduledFuture<?> presence;

	private boolean started;

	private volatile boolean running;

	/**
	 * @param threads the pool of its loops, one per partition it runs at once
	 * ({@link RemoteProperties#effectiveWorkerThreads()}); its own, as {@link #stop()} shuts it down
	 */
	PartitionWorker(PartitionQueue queue, RequestHandler handler, ThreadPoolTaskExecutor threads,
			TaskScheduler scheduler, RemoteProperties properties, List<String> jobNames, WorkerMetrics metrics) {
		this.queue = queue;
		this.handler = handler;
		this.threads = threads;
		this.scheduler = scheduler;
		this.properties = properties;
		this.jobNames = List.copyOf(jobNames);
		this.metrics = metrics;
	}

	/** Starts the worker threads; Redis must answer. */
	public synchronized void start() {
		this.queue.ping();
		for (String jobName : this.jobNames) {
			this.queue.prepare(jobName);
		}
		int count = this.properties.effectiveWorkerThreads();
		this.started = true;
		this.running = true;
		Map<String, String> details = details(count);
		announce(details);
		Duration period = Duration.ofMillis(Math.max(1, this.properties.lease().toMillis() / 3));
		this.presence = this.scheduler.scheduleWithFixedDelay(() -> announce(details), Instant.now().plus(period),
				period);
		for (int i = 1; i <= count; i++) {
			String consumer = this.id + ":" + i;
			this.threads.execute(() -> loop(consumer));
		}
		logger.info("worker {} takes partitions of {} in namespace {} with {} threads", ProcessIdentity.current(),
				this.jobNames, this.properties.namespace(), count);
	}

	/**
	 * Stops taking partitions and lets those running finish, for up to the drain timeout.
	 * @return whether none is left running
	 */
	public boolean stop() throws InterruptedException {
		synchronized (this) {
			this.running = false;
			if (!this.started) {
				return true;
			}
			this.presence.cancel(false);
		}
		try {
			this.queue.leave(this.id);
		}
		catch (DataAccessException ex) {
			// its entry is forgotten a lease after its last renewal
			logger.warn("worker {}: cannot say in Redis that it leaves: {}", this.id, ex.getMessage());
		}
		// not the executor's own shutdown, which would interrupt the partitions instead of draining
		// them; the lease renewals, done when the partitions are, stop with the context
		ThreadPoolExecutor pool = this.threads.getThreadPoolExecutor();
		pool.shutdown();
		return pool.awaitTermination(this.properties.drainTimeout().toMillis(), TimeUnit.MILLISECONDS);
	}

	private void loop(String consumer) {
		int next = 0;
		while (this.running) {
			try {
				PartitionQueue.Delivery delivery = null;
				for (int i = 0; i < this.jobNames.size() && delivery == null; i++) {
					delivery = this.queue.reclaim(this.jobNames.get(i), consumer, this.properties.lease());
				}
				for (int i = 0; i < this.jobNames.size() && delivery == null; i++) {
					delivery = this.queue.take(this.jobNames.get((next + i) % this.jobNames.size()), consumer);
				}
				next++;
				if (delivery == null) {
					Thread.sleep(this.properties.idlePoll().toMillis());
					continue;
				}
				this.metrics.busy();
				try {
					this.handler.handle(delivery, consumer);
				}
				finally {
					this.metrics.idle();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (DataAccessException ex) {
				// Redis or the database out of reach: try again after a pause
				logger.warn("worker {}: {}", consumer, ex.getMessage());
				pause();
			}
			catch (RuntimeException ex) {
				logger.error("worker " + consumer + " failed on a partition", ex);
				pause();
			}
		}
	}

	private Map<String, String> details(int threadCount) {
		Map<String, String> details = new LinkedHashMap<>();
		details.put("host", ProcessIdentity.current().host());
		details.put("pid", Long.toString(ProcessIdentity.current().pid()));
		details.put("threads", Integer.toString(threadCount));
		details.put("jobs", String.join(",", this.jobNames));
		details.put("started", OffsetDateTime.now(ZoneId.systemDefault()).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
		return details;
	}

	private void announce(Map<String, String> details) {
		try {
			this.queue.announce(this.id, details, System.currentTimeMillis(), this.properties.lease().multipliedBy(2));
		}
		catch (DataAccessException ex) {
			logger.warn("worker {}: cannot say in Redis that it listens: {}", this.id, ex.getMessage());
		}
	}

	private void pause() {
		try {
			Thread.sleep(Math.max(1000, this.properties.idlePoll().toMillis()));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
