package batch.partition;

import java.time.LocalDateTime;

import batch.partition.RequestTriage.Decision;
import batch.partition.RequestTriage.PartitionState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Carries out, for an entry a worker has taken, what {@link RequestTriage} decides from the job
 * repository: discards it, ends its partition, takes it over, or runs it.
 */
final class RequestHandler {

	private static final Logger logger = LoggerFactory.getLogger(RequestHandler.class);

	private final PartitionQueue queue;

	private final JobRepository jobRepository;

	private final RequestTriage triage;

	private final Takeover takeover;

	private final PartitionRunner runner;

	private final WorkerMetrics metrics;

	RequestHandler(PartitionQueue queue, JobRepository jobRepository, RequestTriage triage, Takeover takeover,
			PartitionRunner runner, WorkerMetrics metrics) {
		this.queue = queue;
		this.jobRepository = jobRepository;
		this.triage = triage;
		this.takeover = takeover;
		this.runner = runner;
		this.metrics = metrics;
	}

	void handle(PartitionQueue.Delivery delivery, String consumer) {
		PartitionRequest request = delivery.request();
		JobExecution job = (request != null) ? this.jobRepository.getJobExecution(request.jobExecutionId()) : null;
		StepExecution latest = (job != null) ? latest(job, request.partition()) : null;
		Decision decision = this.triage.decide(delivery, PartitionState.of(job, latest));
		if (decision instanceof Decision.Discard discard) {
			discard(delivery, consumer, discard);
			return;
		}
		if (decision instanceof Decision.Stop stop) {
			end(latest, BatchStatus.STOPPED, ExitStatus.STOPPED, stop.description());
			discard(delivery, consumer, stop.discard());
			return;
		}
		endSuperseded(job, latest);
		if (decision instanceof Decision.Abandon abandon) {
			end(latest, BatchStatus.FAILED, ExitStatus.FAILED, abandon.description());
			discard(delivery, consumer, abandon.discard());
			return;
		}
		StepExecution execution = latest;
		if (decision instanceof Decision.TakeOver takeOver) {
			execution = this.takeover.succeed(latest, delivery.jobName(), takeOver.owner());
			if (execution == null) {
				return;
			}
		}
		else if (decision instanceof Decision.RunUnstarted unstarted) {
			logger.info("partition {} of execution {}: taken over from {}, which took it and did not start it",
					request.partition(), request.jobExecutionId(), unstarted.owner());
		}
		this.runner.run(delivery, consumer, execution);
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

	private void discard(PartitionQueue.Delivery delivery, String consumer, Decision.Discard discard) {
		PartitionRequest request = delivery.request();
		logger.info("discarding the request for {} of execution {}: {}",
				(request != null) ? request.partition() : "entry " + delivery.id(),
				(request != null) ? request.jobExecutionId() : "?", discard.why());
		this.metrics.discarded(delivery.jobName(), discard.reason());
		this.queue.finish(delivery, consumer);
	}

	// The latest execution of the partition: a taken-over partition's successor, not the execution
	// the dead worker left.
	private static StepExecution latest(JobExecution job, String partition) {
		StepExecution latest = null;
		for (StepExecution step : job.getStepExecutions()) {
			if (step.getStepName().equals(partition) && (latest == null || step.getId() > latest.getId())) {
				latest = step;
			}
		}
		return latest;
	}

}
