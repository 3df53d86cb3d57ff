package batch.partition;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.step.StepExecution;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.TaskScheduler;

/**
 * Renews a worker's lease on each partition it runs, every third of the lease, on the scheduler
 * the worker is given; stops the partition at its next chunk if another worker has taken it over.
 */
final class LeaseRenewal {

	private static final Logger logger = LoggerFactory.getLogger(LeaseRenewal.class);

	private final PartitionQueue queue;

	private final TaskScheduler scheduler;

	private final Duration lease;

	LeaseRenewal(PartitionQueue queue, TaskScheduler scheduler, Duration lease) {
		this.queue = queue;
		this.scheduler = scheduler;
		this.lease = lease;
	}

	/** Renews {@code consumer}'s lease of the entry until the returned future is cancelled. */
	ScheduledFuture<?> start(PartitionQueue.Delivery delivery, String consumer, StepExecution execution) {
		long period = Math.max(1, this.lease.toMillis() / 3);
		return this.scheduler.scheduleWithFixedDelay(() -> renew(delivery, consumer, execution),
				Instant.now().plusMillis(period), Duration.ofMillis(period));
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

}
