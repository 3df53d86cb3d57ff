package batch.partition;

import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;

/**
 * The remote queues as an alert sees them, read from Redis at each scrape:
 * {@code batch_remote_partitions_waiting{job}}, the partitions queued that no worker has taken,
 * and {@code batch_remote_workers}, the workers of the namespace that said within a lease that
 * they listen. Both are NaN while Redis is out of reach, so that an alert on "waiting with no
 * worker" does not fire on a scrape that could not tell. Every process of a namespace (the server,
 * each worker) reports the same values, tagged {@code remote_namespace} (not {@code namespace},
 * which Kubernetes scrapes add): take their {@code max}, not their sum.
 */
final class QueueMetrics implements MeterBinder {

	private static final Logger logger = LoggerFactory.getLogger(QueueMetrics.class);

	private final RemoteQueues queues;

	QueueMetrics(RemoteQueues queues) {
		this.queues = queues;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (String jobName : this.queues.jobNames()) {
			Gauge.builder("batch.remote.partitions.waiting", this.queues, read((queues) -> queues.waiting(jobName)))
				.description("partitions queued in Redis that no worker has taken")
				.tag("job", jobName)
				.tag("remote_namespace", this.queues.namespace())
				.register(registry);
		}
		Gauge.builder("batch.remote.workers", this.queues,
				read((queues) -> queues.listening(System.currentTimeMillis()).size()))
			.description("workers of this namespace that said within a lease that they listen")
			.tag("remote_namespace", this.queues.namespace())
			.register(registry);
	}

	private static ToDoubleFunction<RemoteQueues> read(ToDoubleFunction<RemoteQueues> reading) {
		return (queue) -> {
			try {
				return reading.applyAsDouble(queue);
			}
			catch (DataAccessException ex) {
				logger.debug("Redis out of reach for a scrape: {}", ex.getMessage());
				return Double.NaN;
			}
		};
	}

}
