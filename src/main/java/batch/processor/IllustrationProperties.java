package batch.processor;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * Where the product basis comes from.
 *
 * @param basis the basis properties file; the mortality table it names sits beside it
 */
@ConfigurationProperties("batch.illustration")
record IllustrationProperties(@DefaultValue("classpath:basis/basis-2026.1.properties") Resource basis) {

}
