package batch.shared;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The shared settings as beans: the prefix of Spring Batch's tables, read once, held to an
 * identifier, for every statement that names them.
 */
@Configuration(proxyBeanMethods = false)
class SharedConfiguration {

	@Bean
	TablePrefix tablePrefix(Environment environment) {
		return new TablePrefix(environment.getProperty("spring.batch.jdbc.table-prefix", "BATCH_"));
	}

}
