package batch.operations;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How many runs one process executes at once: more are refused ({@link Refusal#TOO_MANY_RUNS},
 * HTTP 429 with Retry-After), so that {@code serve} does not take a queue of runs it cannot serve.
 * Each run has partition threads of its own, so the database pool must hold
 * {@code maxConcurrentRuns × batch.partition.threads} connections and a few more.
 *
 * @param maxConcurrentRuns the most runs at once ({@code BATCH_API_MAX_CONCURRENT_RUNS})
 */
@ConfigurationProperties("batch.api")
@Validated
record RunLimits(@DefaultValue("2") @Min(1) int maxConcurrentRuns) {

}
