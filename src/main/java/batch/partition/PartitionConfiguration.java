package batch.partition;

import javax.sql.DataSource;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The thread pool that runs local partitions, and the partitioners.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PartitionProperties.class)
class PartitionConfiguration {

	@Bean
	ThreadPoolTaskExecutor partitionTaskExecutor(PartitionProperties properties) {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setCorePoolSize(properties.effectiveThreads());
		executor.setMaxPoolSize(properties.effectiveThreads());
		executor.setThreadNamePrefix("partition-");
		executor.setWaitForTasksToCompleteOnShutdown(true);
		executor.setAwaitTerminationSeconds(60);
		return executor;
	}

	@Bean
	@StepScope
	KeyRangePartitioner policyRangePartitioner(DataSource dataSource,
			@Value("#{jobParameters['input']}") String input,
			@Value("#{stepExecution.jobExecution.jobInstanceId}") long jobInstanceId) {
		return KeyRangePartitioner.policies(new JdbcTemplate(dataSource), (input != null) ? jobInstanceId : null);
	}

	@Bean
	@StepScope
	KeyRangePartitioner contractRangePartitioner(DataSource dataSource,
			@Value("#{stepExecution.jobExecution.jobInstanceId}") long jobInstanceId) {
		return KeyRangePartitioner.contracts(new JdbcTemplate(dataSource), jobInstanceId);
	}

}
