package batch.partition;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import batch.partition.RequestTriage.Decision;
import batch.partition.RequestTriage.PartitionState;
import batch.shared.LogKeys;
import batch.shared.ProcessIdentity;
import batch.shared.StepKeys;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.StepLocator;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * A remote partition worker ({@code ./batch worker}): threads that take partitions from the
 * Redis streams of their namespace ({@link PartitionQueue}) and run them, on the very worker
 * step beans that local partitioning uses.
 * <p>
 * Before it takes new work, an idle thread claims a partition whose worker stopped renewing its
 * lease (killed, out of memory, node lost). If that worker had started the partition, its
 * execution is failed and a successor resumes from its last committed chunk (the reader's saved
 * position); a late write of the dead worker's would fail on the execution's version, and roll
 * back. Requests for runs that are no longer running are discarded with a log line.
 */
public class PartitionWorker {

	private static final Logger logger = LoggerFactory.getLogger(PartitionWorker.class);

	private final PartitionQueue queue;

	private final JobRepository jobRepository;

	private final StepLocator steps;

	private final RemoteProperties properties;

	private final List<String> jobNames;

	private final MeterRegistry meters;

	private final RequestTriage triage;

	private final AtomicInteger busy = new AtomicInteger();

	private final ThreadPoolTaskScheduler renewals = new ThreadPoolTaskScheduler();

	private ThreadPoolTaskExecutor threads;

	private volatile boolean running;

	public PartitionWorker(PartitionQueue queue, JobRepository jobRepository, StepLocator steps,
			RemoteProperties properties, List<String> jobNames, MeterRegistry meters) {
		this.queue = queue;
		this.jobRepository = jobRepository;
		this.steps = steps;
		this.properties = properties;
		this.jobNames = List.copyOf(jobNames);
		this.meters = meters;
		this.triage = new RequestTriage(properties.maxDeliveries());
		Gauge.builder("batch.worker.partitions.running", this.busy, AtomicInteger::get)
			.description("partitions this worker is running now")
			.register(meters);
		Gauge.builder("batch.worker.threads", properties, RemoteProperties::effectiveWorkerThreads)
			.description("partitions this worker can run at once")
			.register(meters);
	}

	/** Starts the worker threads; Redis must answer. */
	public synchronized void start() {
		this.queue.ping();
		for (String jobName : this.jobNames) {
			this.queue.prepare(jobName);
		}
		int count = this.properties.effectiveWorkerThreads();
		this.renewals.setThreadNamePrefix("lease-renewal-");
		this.renewals.setDaemon(true);
		this.renewals.initialize();
		this.threads = new ThreadPoolTaskExecutor();
		this.threads.setCorePoolSize(count);
		this.threads.setMaxPoolSize(count);
		this.threads.setThreadNamePrefix("worker-");
		this.threads.initialize();
		this.running = true;
		for (int i = 1; i <= count; i++) {
			String consumer = ProcessIdentity.current().host() + ":" + ProcessIdentity.current().pid() + ":" + i;
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
		ThreadPoolTaskExecutor started;
		synchronized (this) {
			this.running = false;
			started = this.threads;
		}
		if (started == null) {
			return true;
		}
		ThreadPoolExecutor pool = started.getThreadPoolExecutor();
		pool.shutdown();
		boolean drained = pool.awaitTermination(this.properties.drainTimeout().toMillis(), TimeUnit.MILLISECONDS);
		this.renewals.shutdown();
		return drained;
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
				this.busy.incrementAndGet();
				try {
					handle(delivery, consumer);
				}
				finally {
					this.busy.decrementAndGet();
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

	private void handle(PartitionQueue.Delivery delivery, String consumer) {
		PartitionRequest request = delivery.request();
		JobExecution job = (request != null) ? this.jobRepository.getJobExecution(request.jobExecutionId()) : null;
		StepExecution latest = (job != null) ? latest(job, request.partition()) : null;
		Decision decision = this.triage.decide(delivery, PartitionState.of(job, latest));
		if (decision instanceof Decision.Discard discard) {
			discard(delivery, consumer, discard.reason(), discard.why());
			return;
		}
		if (decision instanceof Decision.Stop stop) {
			end(latest, BatchStatus.STOPPED, ExitStatus.STOPPED, stop.description());
			discard(delivery, consumer, stop.discard().reason(), stop.discard().why());
			return;
		}
		endSuperseded(job, latest);
		if (decision instanceof Decision.Abandon abandon) {
			end(latest, BatchStatus.FAILED, ExitStatus.FAILED, abandon.description());
			discard(delivery, consumer, abandon.discard().reason(), abandon.discard().why());
			return;
		}
		StepExecution execution = latest;
		if (decision instanceof Decision.TakeOver takeOver) {
			execution = succeed(latest, delivery, takeOver.owner());
			if (execution == null) {
				return;
			}
		}
		else if (decision instanceof Decision.RunUnstarted unstarted) {
			logger.info("partition {} of execution {}: taken over from {}, which took it and did not start it",
					request.partition(), request.jobExecutionId(), unstarted.owner());
		}
		run(delivery, consumer, request, execution);
	}

	// Runs the partition on the very execution the triage read, as StepExecutionRequestHandler does
	// with one it loads again: the version of this one is the fence. If the manager ended it, or
	// another worker took it over, since it was read, its first update fails and nothing runs.
	private void run(PartitionQueue.Delivery delivery, String consumer, PartitionRequest request,
			StepExecution execution) {
		Step step = this.steps.getStep(request.workerStep());
		// where it runs, recorded before its first chunk: status shows it even if this worker dies
		execution.getExecutionContext().putString(StepKeys.HOST, ProcessIdentity.current().host());
		execution.getExecutionContext().putLong(StepKeys.PID, ProcessIdentity.current().pid());
		this.jobRepository.updateExecutionContext(execution);
		long period = Math.max(1, this.properties.lease().toMillis() / 3);
		ScheduledFuture<?> renewal = this.renewals.scheduleWithFixedDelay(() -> renew(delivery, consumer, execution),
				Instant.now().plusMillis(period), Duration.ofMillis(period));
		MDC.put(LogKeys.EXECUTION, String.valueOf(request.jobExecutionId()));
		MDC.put(LogKeys.STEP, execution.getStepName());
		try {
			step.execute(execution);
		}
		catch (OptimisticLockingFailureException ex) {
			logger.info("partition {} of execution {} was ended or taken over as this worker started it",
					request.partition(), request.jobExecutionId());
		}
		catch (JobInterruptedException ex) {
			execution.setStatus(BatchStatus.STOPPED);
		}
		finally {
			renewal.cancel(false);
			MDC.remove(LogKeys.EXECUTION);
			MDC.remove(LogKeys.STEP);
		}
		Counter.builder("batch.worker.partitions")
			.description("partitions this worker has run, by job and final status")
			.tag("job", delivery.jobName())
			.tag("status", execution.getStatus().name())
			.register(this.meters)
			.increment();
		try {
			if (!this.queue.finish(delivery, consumer)) {
				logger.warn("partition {}: another worker has taken it over; its request stays with that worker",
						request.partition());
			}
		}
		catch (DataAccessException ex) {
			// the partition has ended: whoever claims the entry finds so, and discards it
			logger.warn("partition {} ended {}, but its request cannot be removed from Redis: {}",
					request.partition(), execution.getStatus(), ex.getMessage());
		}
	}

	private void renew(PartitionQueue.Delivery delivery, String consumer, StepExecution execution) {
		try {
			if (!this.queue.renew(delivery, consumer)) {
				// claimed by another worker, or gone with a Redis that lost its data: in both cases
				// nobody can take it over from this worker any more, so stop at the next chunk only if
				// another worker has it
				if (this.queue.owner(delivery) != null) {
					logger.warn("partition {}: another worker has taken it over (this one's lease lapsed); "
							+ "stopping here", execution.getStepName());
					execution.setTerminateOnly();
				}
			}
		}
		catch (DataAccessException ex) {
			logger.warn("partition {}: cannot renew its lease: {}", execution.getStepName(), ex.getMessage());
		}
	}

	// Replaces the execution a dead worker left with a successor that resumes from its saved state.
	// The successor exists before the abandoned execution is failed, so that the manager never sees
	// the partition ended; if the dead worker proves alive (it updated the execution meanwhile), the
	// successor is deleted and null returned. (The job repository takes no outer transaction.)
	private StepExecution succeed(StepExecution abandoned, PartitionQueue.Delivery delivery, String owner) {
		StepExecution successor = this.jobRepository.createStepExecution(abandoned.getStepName(),
				abandoned.getJobExecution());
		successor.setExecutionContext(new ExecutionContext(abandoned.getExecutionContext()));
		this.jobRepository.updateExecutionContext(successor);
		abandoned.setStatus(BatchStatus.FAILED);
		abandoned.setExitStatus(ExitStatus.FAILED.addExitDescription("taken over: " + owner
				+ " stopped renewing its lease; execution " + successor.getId() + " resumes from the last chunk"));
		abandoned.setEndTime(LocalDateTime.now());
		try {
			this.jobRepository.update(abandoned);
		}
		catch (OptimisticLockingFailureException ex) {
			logger.warn("partition {}: {} is still writing to it; leaving it", abandoned.getStepName(), owner);
			this.jobRepository.deleteStepExecution(successor);
			return null;
		}
		Counter.builder("batch.worker.takeovers")
			.description("partitions taken over from a worker that stopped renewing its lease")
			.tag("job", delivery.jobName())
			.register(this.meters)
			.increment();
		logger.warn("partition {} of execution {}: taken over from {}; execution {} resumes it from execution {}",
				abandoned.getStepName(), abandoned.getJobExecutionId(), owner, successor.getId(), abandoned.getId());
		return successor;
	}

	// Earlier executions of a partition still marked running: a takeover that created the successor
	// and could not fail the abandoned execution (the database went away between the two).
	private void endSuperseded(JobExecution job, StepExecution latest) {
		for (StepExecution older : job.getStepExecutions()) {
			if (older.getStepName().equals(latest.getStepName()) && older.getId() < latest.getId()
					&& older.getStatus().isRunning()) {
				end(older, BatchStatus.FAILED, ExitStatus.FAILED, "superseded by execution " + latest.getId());
			}
		}
	}

	// Ends an execution no worker runs; if one starts it meanwhile, one of the two loses on the
	// execution's version.
	private void end(StepExecution execution, BatchStatus status, ExitStatus exitStatus, String message) {
		execution.setStatus(status);
		execution.setExitStatus(exitStatus.addExitDescription(message));
		execution.setEndTime(LocalDateTime.now());
		try {
			this.jobRepository.update(execution);
		}
		catch (OptimisticLockingFailureException ex) {
			logger.info("partition {} changed as it was being ended: left as it is", execution.getStepName());
		}
	}

	private void discard(PartitionQueue.Delivery delivery, String consumer, String reason, String why) {
		PartitionRequest request = delivery.request();
		logger.info("discarding the request for {} of execution {}: {}",
				(request != null) ? request.partition() : "entry " + delivery.id(),
				(request != null) ? request.jobExecutionId() : "?", why);
		Counter.builder("batch.worker.requests.discarded")
			.description("requests discarded: for runs no longer running, partitions ended, or not requests")
			.tag("job", delivery.jobName())
			.tag("reason", reason)
			.register(this.meters)
			.increment();
		this.queue.finish(delivery, consumer);
	}

	private static StepExecution latest(JobExecution job, String partition) {
		StepExecution latest = null;
		for (StepExecution step : job.getStepExecutions()) {
			if (step.getStepName().equals(partition) && (latest == null || step.getId() > latest.getId())) {
				latest = step;
			}
		}
		return latest;
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
