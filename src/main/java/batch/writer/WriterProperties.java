package batch.writer;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How results go into the database.
 *
 * @param loadData whether to load them by {@code LOAD DATA LOCAL INFILE} where the server allows it
 * ({@code BATCH_WRITER_LOAD_DATA}); false for batched statements everywhere
 */
@ConfigurationProperties("batch.writer")
record WriterProperties(@DefaultValue("true") boolean loadData) {

}
