package batch.operations;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * The settings of run operations and the threads they use: one thread per run ({@code job-N},
 * bounded by {@link RunLimits}), and a small scheduler for heartbeats and progress lines.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ OperationsProperties.class, RunLimits.class })
class OperationsConfiguration {

	@Bean
	SimpleAsyncTaskExecutor jobTaskExecutor() {
		return new SimpleAsyncTaskExecutor("job-");
	}

	// daemon threads: a heartbeat or a progress line never keeps a process alive
	@Bean
	ThreadPoolTaskScheduler operationsScheduler() {
		ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
		scheduler.setPoolSize(2);
		scheduler.setThreadNamePrefix("operations-");
		scheduler.setDaemon(true);
		return scheduler;
	}

}
