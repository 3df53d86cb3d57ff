package batch.partition;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Remote partitioning over Redis (on when {@code batch.partitioning=remote}), for the manager
 * that sends the partitions and the workers that run them.
 *
 * @param namespace the environment the queues belong to: two deployments that share a Redis use
 * different namespaces, and neither takes the other's work
 * @param timeout how long the manager waits for its partitions to end before it fails the step,
 * naming the partitions not finished
 * @param pollInterval how often the manager reads the job repository for its partitions' ends
 * @param lease how long a partition is a worker's without a renewal (renewed every third of it
 * while the worker runs it); after that, another worker takes it over and resumes it
 * @param maxDeliveries how many workers may take a partition before it is failed as one that
 * kills its workers
 * @param workerThreads partitions a worker runs at once; 0: the number of available processors
 * @param idlePoll how long an idle worker thread waits before it looks for work again
 * @param drainTimeout how long a worker asked to stop lets its partitions finish; those still
 * running after it are left to other workers, which resume them from their last chunk
 * @param jobs the jobs whose partitions a worker takes; empty: all of them
 * @param redisOutage how long the manager bears Redis out of its reach before it fails the
 * partitions still queued (workers that reach Redis may still be taking them meanwhile)
 * @param idleWarning how long the manager waits with partitions queued and none taken before it
 * says so (in its log, in {@code status} and in the console), and again after each such period
 */
@ConfigurationProperties("batch.remote")
@Validated
record RemoteProperties(
		@DefaultValue("default") @NotBlank @Pattern(regexp = "[A-Za-z0-9._-]+",
				message = "letters, digits, '.', '_' and '-' only") String namespace,
		@DefaultValue("12h") Duration timeout, @DefaultValue("2s") Duration pollInterval,
		@DefaultValue("30s") Duration lease, @DefaultValue("5") @Positive int maxDeliveries,
		@DefaultValue("0") @PositiveOrZero int workerThreads, @DefaultValue("500ms") Duration idlePoll,
		@DefaultValue("60s") Duration drainTimeout, @DefaultValue List<String> jobs,
		@DefaultValue("2m") Duration redisOutage, @DefaultValue("2m") Duration idleWarning) {

	public int effectiveWorkerThreads() {
		return (this.workerThreads > 0) ? this.workerThreads : Runtime.getRuntime().availableProcessors();
	}

}
