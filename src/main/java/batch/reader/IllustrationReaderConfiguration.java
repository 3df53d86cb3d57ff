package batch.reader;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import batch.domain.illustration.Policy;
import batch.domain.illustration.PolicyFields;
import batch.shared.StepKeys;
import batch.shared.StepProperties;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.infrastructure.item.database.JdbcPagingItemReader;
import org.springframework.batch.infrastructure.item.database.Order;
import org.springframework.batch.infrastructure.item.database.builder.JdbcPagingItemReaderBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The illustration job's readers: the policies file, and the policy table by partition range.
 * <p>
 * Each is closed by its step, never as a bean: see {@code CashFlowReaderConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StepProperties.class)
class IllustrationReaderConfiguration {

	@Bean(destroyMethod = "")
	@StepScope
	CsvItemReader policyCsvReader(@Value("#{jobParameters['input']}") String input) {
		return new CsvItemReader(new CsvFile(Path.of(input), PolicyFields.HEADER));
	}

	// Key-range paging on the primary key: each page is an index range scan, and the last key
	// read is saved with every commit, so a restarted partition resumes after its last chunk.
	@Bean(destroyMethod = "")
	@StepScope
	JdbcPagingItemReader<Policy> policyTableReader(DataSource dataSource, StepProperties properties,
			@Value("#{stepExecutionContext['" + StepKeys.MIN_KEY + "']}") long minKey,
			@Value("#{stepExecutionContext['" + StepKeys.MAX_KEY + "']}") long maxKey,
			@Value("#{jobParameters['input']}") String input,
			@Value("#{stepExecution.jobExecution.jobInstanceId}") long jobInstanceId) throws Exception {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("minKey", minKey);
		parameters.put("maxKey", maxKey);
		String where = "policy_id BETWEEN :minKey AND :maxKey";
		if (input != null) {
			where += " AND policy_id IN (SELECT policy_id FROM run_policy WHERE job_instance_id = :jobInstanceId"
					+ " AND policy_id BETWEEN :minKey AND :maxKey)";
			parameters.put("jobInstanceId", jobInstanceId);
		}
		return new JdbcPagingItemReaderBuilder<Policy>().name("policyTableReader")
			.dataSource(dataSource)
			.selectClause("SELECT " + PolicyRowMapper.COLUMNS)
			.fromClause("FROM policy")
			.whereClause(where)
			.sortKeys(Map.of("policy_id", Order.ASCENDING))
			.parameterValues(parameters)
			.pageSize(properties.chunkSize())
			.fetchSize(properties.chunkSize())
			.rowMapper(new PolicyRowMapper())
			.build();
	}

}
