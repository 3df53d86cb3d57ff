package batch.partition;

import jakarta.validation.constraints.PositiveOrZero;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How calculation steps are partitioned: the number of partitions, and of threads that run them
 * at once. 0 means the number of available processors.
 */
@ConfigurationProperties("batch.partition")
@Validated
record PartitionProperties(@DefaultValue("0") @PositiveOrZero int gridSize,
		@DefaultValue("0") @PositiveOrZero int threads) {

	public int effectiveGridSize() {
		return (this.gridSize > 0) ? this.gridSize : Runtime.getRuntime().availableProcessors();
	}

	public int effectiveThreads() {
		return (this.threads > 0) ? this.threads : Runtime.getRuntime().availableProcessors();
	}

}
