package batch.reader;

import java.nio.file.Path;
import java.util.Map;

import javax.sql.DataSource;

import batch.domain.cashflow.MarketDataRow;
import batch.shared.StepKeys;
import batch.shared.StepProperties;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.infrastructure.item.database.JdbcPagingItemReader;
import org.springframework.batch.infrastructure.item.database.Order;
import org.springframework.batch.infrastructure.item.database.builder.JdbcPagingItemReaderBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The cash-flow job's readers: the contracts, observations, curves and events files, and the staged
 * contracts of a run by partition range.
 * <p>
 * Each is closed by its step, never as a bean ({@code destroyMethod = ""}): a step-scoped bean's
 * inferred destroy method runs when its step context closes, and a stop from another thread of the
 * same process (the REST API) registers and closes that context too, which closed the reader under
 * the running step.
 */
@Configuration(proxyBeanMethods = false)
class CashFlowReaderConfiguration {

	@Bean
	ActusDictionary actusDictionary() {
		return ActusDictionary.load();
	}

	@Bean(destroyMethod = "")
	@StepScope
	CsvItemReader contractCsvReader(ActusDictionary dictionary, @Value("#{jobParameters['input']}") String input) {
		return new CsvItemReader(new CsvFile(Path.of(input), dictionary.contractsHeader()));
	}

	@Bean(destroyMethod = "")
	@StepScope
	CsvItemReader observationCsvReader(@Value("#{jobParameters['observations']}") String observations) {
		return new CsvItemReader(new CsvFile(Path.of(observations), MarketDataRow.OBSERVATIONS_HEADER));
	}

	@Bean(destroyMethod = "")
	@StepScope
	CsvItemReader curveCsvReader(@Value("#{jobParameters['curves']}") String curves) {
		return new CsvItemReader(new CsvFile(Path.of(curves), MarketDataRow.CURVES_HEADER));
	}

	@Bean(destroyMethod = "")
	@StepScope
	CsvItemReader eventCsvReader(@Value("#{jobParameters['events']}") String events) {
		return new CsvItemReader(new CsvFile(Path.of(events), MarketDataRow.EVENTS_HEADER));
	}

	@Bean(destroyMethod = "")
	@StepScope
	JdbcPagingItemReader<StagedContract> stagedContractReader(DataSource dataSource, StepProperties properties,
			@Value("#{stepExecutionContext['" + StepKeys.MIN_KEY + "']}") long minKey,
			@Value("#{stepExecutionContext['" + StepKeys.MAX_KEY + "']}") long maxKey,
			@Value("#{stepExecution.jobExecution.jobInstanceId}") long jobInstanceId) throws Exception {
		return new JdbcPagingItemReaderBuilder<StagedContract>().name("stagedContractReader")
			.dataSource(dataSource)
			.selectClause("SELECT line_number, contract_id, terms")
			.fromClause("FROM run_contract")
			.whereClause("job_instance_id = :jobInstanceId AND line_number BETWEEN :minKey AND :maxKey")
			.sortKeys(Map.of("line_number", Order.ASCENDING))
			.parameterValues(Map.of("jobInstanceId", jobInstanceId, "minKey", minKey, "maxKey", maxKey))
			.pageSize(properties.chunkSize())
			.fetchSize(properties.chunkSize())
			.rowMapper((rs, row) -> new StagedContract(rs.getLong("line_number"), rs.getString("contract_id"),
					rs.getString("terms")))
			.build();
	}

}
