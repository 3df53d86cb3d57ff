package batch.partition;

import java.util.concurrent.ScheduledFuture;

import batch.shared.LogKeys;
import batch.shared.ProcessIdentity;
import batch.shared.StepKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.StepLocator;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Runs one partition on a worker thread, on the very worker step bean that local partitioning
 * uses, under a renewed lease, and removes its request once it has ended.
 */
final class PartitionRunner {

	private static final Logger logger = LoggerFactory.getLogger(PartitionRunner.class);

	private final PartitionQueue queue;

	private final JobRepository jobRepository;

	private final StepLocator steps;

	private final LeaseRenewal leases;

	private final WorkerMetrics metrics;

	PartitionRunner(PartitionQueue queue, JobRepository jobRepository, StepLocator steps, LeaseRenewal leases,
			WorkerMetrics metrics) {
		this.queue = queue;
		this.jobRepository = jobRepository;
		this.steps = steps;
		this.leases = leases;
		this.metrics = metrics;
	}

	// Runs the partition on the very execution the triage read, as StepExecutionRequestHandler does
	// with one it loads again: the version of this one is the fence. If the manager ended it, or
	// another worker took it over, since it was read, its first update fails and nothing runs.
	void run(PartitionQueue.Delivery delivery, String consumer, StepExecution execution) {
		PartitionRequest request = delivery.request();
		Step step = this.steps.getStep(request.workerStep());
		// where it runs, recorded before its first chunk: status shows it even if this worker dies
		execution.getExecutionContext().putString(StepKeys.HOST, ProcessIdentity.current().host());
		execution.getExecutionContext().putLong(StepKeys.PID, ProcessIdentity.current().pid());
		this.jobRepository.updateExecutionContext(execution);
		ScheduledFuture<?> renewal = this.leases.start(delivery, consumer, execution);
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
		this.metrics.partitionRan(delivery.jobName(), execution.getStatus());
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

}
