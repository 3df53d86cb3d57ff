package batch.shared;

import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings shared by the chunk-oriented steps.
 *
 * @param chunkSize items read, processed and written per transaction (and per page read)
 */
@ConfigurationProperties("batch")
@Validated
public record StepProperties(@DefaultValue("1000") @Positive int chunkSize) {

}
