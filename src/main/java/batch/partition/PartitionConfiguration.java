package batch.partition;

import javax.sql.DataSource;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The partitioners, and the choice of local or remote partitioning (local partitions run on a
 * pool of their run's own: {@link RunPartitionHandler}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ PartitioningProperties.class, PartitionProperties.class, RemoteProperties.class })
class PartitionConfiguration {

	@Bean
	Partitioning partitioning(PartitioningProperties mode, PartitionProperties properties,
			JobRepository jobRepository, ObjectProvider<PartitionQueue> partitionQueue,
			RemoteProperties remoteProperties) {
		return new Partitioning(mode.partitioning(), properties, jobRepository, partitionQueue, remoteProperties);
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
