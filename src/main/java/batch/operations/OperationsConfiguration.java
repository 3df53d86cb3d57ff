package batch.operations;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * Enables the settings of run operations.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ OperationsProperties.class, RunLimits.class })
class OperationsConfiguration {

}
