package batch.partition;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.batch.core.BatchStatus;

/**
 * A worker's meters ({@code batch_worker_*} on {@code /actuator/prometheus}), all in one place:
 * the threads, the partitions running now and run, the takeovers, the requests discarded.
 */
final class WorkerMetrics {

	private final MeterRegistry meters;

	private final AtomicInteger busy = new AtomicInteger();

	WorkerMetrics(MeterRegistry meters, RemoteProperties properties) {
		this.meters = meters;
		Gauge.builder("batch.worker.partitions.running", this.busy, AtomicInteger::get)
			.description("partitions this worker is running now")
			.register(meters);
		Gauge.builder("batch.worker.threads", properties, RemoteProperties::effectiveWorkerThreads)
			.description("partitions this worker can run at once")
			.register(meters);
	}

	/**
	 * The takeovers of each job this worker serves, at 0 from the start: an alert on their increase
	 * then sees the first takeover too, which a counter that appears at 1 would hide.
	 */
	void serving(List<String> jobNames) {
		jobNames.forEach((job) -> takeovers(job));
	}

	/** A thread has taken an entry; {@link #idle()} when it is done with it. */
	void busy() {
		this.busy.incrementAndGet();
	}

	void idle() {
		this.busy.decrementAndGet();
	}

	void partitionRan(String jobName, BatchStatus status) {
		Counter.builder("batch.worker.partitions")
			.description("partitions this worker has run, by job and final status")
			.tag("job", jobName)
			.tag("status", status.name())
			.register(this.meters)
			.increment();
	}

	void tookOver(String jobName) {
		takeovers(jobName).increment();
	}

	private Counter takeovers(String jobName) {
		return Counter.builder("batch.worker.takeovers")
			.description("partitions taken over from a worker that stopped renewing its lease")
			.tag("job", jobName)
			.register(this.meters);
	}

	void discarded(String jobName, String reason) {
		Counter.builder("batch.worker.requests.discarded")
			.description("requests discarded: for runs no longer running, partitions ended, or not requests")
			.tag("job", jobName)
			.tag("reason", reason)
			.register(this.meters)
			.increment();
	}

}
