package batch.job;

import org.springframework.batch.core.configuration.support.MapJobRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The registry of every job bean, by name, so that runs can be restarted by execution id.
 */
@Configuration(proxyBeanMethods = false)
class JobRegistryConfiguration {

	@Bean
	MapJobRegistry jobRegistry() {
		return new MapJobRegistry();
	}

}
