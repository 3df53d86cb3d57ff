package batch.partition;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The partitioning mode, {@code batch.partitioning} ({@code BATCH_PARTITIONING}): {@code local} or
 * {@code remote}, in any case, as Spring binds enums; any other value stops the start.
 */
@ConfigurationProperties("batch")
record PartitioningProperties(@DefaultValue("local") Partitioning.Mode partitioning) {

}
