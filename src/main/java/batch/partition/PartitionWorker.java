package batch.partition;

import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import batch.operations.ProcessIdentity;
import batch.operations.StepEndLogging;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.batch.integration.partition.StepExecutionRequestHandler;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * A remote partition worker ({@code ./batch worker}): threads that take partitions from the
 * Redis streams of their namespace ({@link PartitionQueue}) and run them with Spring Batch's
 * {@link StepExecutionRequestHandler}, on the very worker step beans that local partitioning
 * uses.
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

	private final StepExecutionRequestHandler handler;

	private final RemoteProperties properties;

	private final List<String> jobNames;

	private final MeterRegistry meters;

	private final AtomicInteger busy = new AtomicInteger();

	private final ScheduledExecutorService renewals = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "lease-renewal");
		thread.setDaemon(true);
		return thread;
	});

	private ExecutorService threads;

	private volatile boolean running;

	public PartitionWorker(PartitionQueue queue, JobRepository jobRepository, StepExecutionRequestHandler handler,
			RemoteProperties properties, List<String> jobNames, MeterRegistry meters) {
		this.queue = queue;
		this.jobRepository = jobRepository;
		this.handler = handler;
		this.properties = properties;
		this.jobNames = List.copyOf(jobNames);
		this.meters = meters;
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
		AtomicInteger numbers = new AtomicInteger();
		this.threads = Executors.newFixedThreadPool(count,
				(task) -> new Thread(task, "worker-" + numbers.incrementAndGet()));
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
		ExecutorService started;
		synchronized (this) {
			this.running = false;
			started = this.threads;
		}
		if (started == null) {
			return true;
		}
		started.shutdown();
		boolean drained = started.awaitTermination(this.properties.drainTimeout().toMillis(), TimeUnit.MILLISECONDS);
		this.renewals.shutdownNow();
		return drained;
	}

	public int busy() {
		return this.busy.get();
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
		if (request == null) {
			discard(delivery, "unknown", "it is not a partition request");
			return;
		}
		JobExecution job = this.jobRepository.getJobExecution(request.jobExecutionId());
		if (job == null || !job.isRunning()) {
			discard(delivery, "stale", "its run is " + ((job != null) ? job.getStatus() : "unknown"));
			return;
		}
		StepExecution latest = latest(job, request.partition());
		if (latest == null || !latest.getStatus().isRunning()) {
			discard(delivery, "ended",
					"the partition has ended " + ((latest != null) ? latest.getStatus() : "(no execution)"));
			return;
		}
		if (job.isStopping() && latest.getStatus() == BatchStatus.STARTING) {
			endUnstarted(latest, BatchStatus.STOPPED, ExitStatus.STOPPED, "the run was stopped before it started");
			discard(delivery, "stopped", "its run is being stopped");
			return;
		}
		if (delivery.deliveries() > this.properties.maxDeliveries()) {
			fail(latest, "abandoned after " + (delivery.deliveries() - 1)
					+ " workers took it and stopped renewing their lease (does it kill its workers?)");
			discard(delivery, "abandoned", "it has been taken " + (delivery.deliveries() - 1) + " times");
			return;
		}
		StepExecution execution = latest;
		if (latest.getStatus() != BatchStatus.STARTING && delivery.previousOwner() == null) {
			discard(delivery, "duplicate", "the partition is running already, under a live lease");
			return;
		}
		if (latest.getStatus() != BatchStatus.STARTING) {
			// taken over from a worker that died mid-partition
			execution = succeed(latest, delivery);
			if (execution == null) {
				return;
			}
		}
		else if (delivery.previousOwner() != null) {
			logger.info("partition {} of execution {}: taken over from {}, which took it and did not start it",
					request.partition(), request.jobExecutionId(), delivery.previousOwner());
		}
		run(delivery, consumer, request, execution);
	}

	private void run(PartitionQueue.Delivery delivery, String consumer, PartitionRequest request,
			StepExecution execution) {
		// where it runs, recorded before its first chunk: status shows it even if this worker dies
		execution.getExecutionContext().putString(StepEndLogging.HOST, ProcessIdentity.current().host());
		execution.getExecutionContext().putLong(StepEndLogging.PID, ProcessIdentity.current().pid());
		this.jobRepository.updateExecutionContext(execution);
		long period = Math.max(1, this.properties.lease().toMillis() / 3);
		ScheduledFuture<?> renewal = this.renewals.scheduleWithFixedDelay(() -> renew(delivery, consumer, execution),
				period, period, TimeUnit.MILLISECONDS);
		StepExecution ended;
		try {
			ended = this.handler.handle(new StepExecutionRequest(request.workerStep(), execution.getId()));
		}
		finally {
			renewal.cancel(false);
		}
		Counter.builder("batch.worker.partitions")
			.description("partitions this worker has run, by job and final status")
			.tag("job", delivery.jobName())
			.tag("status", ended.getStatus().name())
			.register(this.meters)
			.increment();
		try {
			this.queue.done(delivery.jobName(), delivery.id());
		}
		catch (DataAccessException ex) {
			// the partition has ended: whoever claims the entry finds so, and discards it
			logger.warn("partition {} ended {}, but its request cannot be removed from Redis: {}",
					request.partition(), ended.getStatus(), ex.getMessage());
		}
	}

	private void renew(PartitionQueue.Delivery delivery, String consumer, StepExecution execution) {
		try {
			if (!this.queue.renew(delivery, consumer)) {
				logger.warn("partition {}: another worker has taken it over (this one's lease lapsed); stopping here",
						execution.getStepName());
				execution.setTerminateOnly();
			}
		}
		catch (DataAccessException ex) {
			logger.warn("partition {}: cannot renew its lease: {}", execution.getStepName(), ex.getMessage());
		}
	}

	// Fails the execution a dead worker left, and creates the one that resumes it, with its saved
	// state; null if the dead worker proves alive (it updated the execution meanwhile).
	private StepExecution succeed(StepExecution abandoned, PartitionQueue.Delivery delivery) {
		String owner = (delivery.previousOwner() != null) ? delivery.previousOwner() : "its worker";
		abandoned.setStatus(BatchStatus.FAILED);
		abandoned.setExitStatus(ExitStatus.FAILED.addExitDescription(
				"taken over: " + owner + " stopped renewing its lease; a successor resumes from the last chunk"));
		abandoned.setEndTime(LocalDateTime.now());
		try {
			this.jobRepository.update(abandoned);
		}
		catch (OptimisticLockingFailureException ex) {
			logger.warn("partition {}: {} is still writing to it; leaving it", abandoned.getStepName(), owner);
			return null;
		}
		StepExecution successor = this.jobRepository.createStepExecution(abandoned.getStepName(),
				abandoned.getJobExecution());
		successor.setExecutionContext(new ExecutionContext(abandoned.getExecutionContext()));
		this.jobRepository.updateExecutionContext(successor);
		Counter.builder("batch.worker.takeovers")
			.description("partitions taken over from a worker that stopped renewing its lease")
			.tag("job", delivery.jobName())
			.register(this.meters)
			.increment();
		logger.warn("partition {} of execution {}: taken over from {}; execution {} resumes it from execution {}",
				abandoned.getStepName(), abandoned.getJobExecutionId(), owner, successor.getId(), abandoned.getId());
		return successor;
	}

	private void fail(StepExecution execution, String message) {
		if (execution.getStatus() == BatchStatus.STARTING) {
			endUnstarted(execution, BatchStatus.FAILED, ExitStatus.FAILED, message);
			return;
		}
		execution.setStatus(BatchStatus.FAILED);
		execution.setExitStatus(ExitStatus.FAILED.addExitDescription(message));
		execution.setEndTime(LocalDateTime.now());
		this.jobRepository.update(execution);
	}

	private void endUnstarted(StepExecution execution, BatchStatus status, ExitStatus exitStatus, String message) {
		execution.setStatus(status);
		execution.setExitStatus(exitStatus.addExitDescription(message));
		execution.setEndTime(LocalDateTime.now());
		this.jobRepository.update(execution);
	}

	private void discard(PartitionQueue.Delivery delivery, String reason, String why) {
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
		this.queue.done(delivery.jobName(), delivery.id());
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
