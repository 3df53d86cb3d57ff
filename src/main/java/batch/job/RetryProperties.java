package batch.job;

import java.time.Duration;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.PositiveOrZero;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How a chunk's write is retried after a transient database error (a deadlock, a lock wait
 * timeout): up to {@code maxRetries} times, waiting {@code delay}, then {@code multiplier} times
 * longer each time up to {@code maxDelay}, give or take a random {@code jitter} so that partitions
 * that collided do not collide again.
 */
@ConfigurationProperties("batch.retry")
@Validated
record RetryProperties(@DefaultValue("5") @PositiveOrZero int maxRetries,
		@DefaultValue("200ms") Duration delay, @DefaultValue("2") @DecimalMin("1") double multiplier,
		@DefaultValue("10s") Duration maxDelay, @DefaultValue("100ms") Duration jitter) {

}
