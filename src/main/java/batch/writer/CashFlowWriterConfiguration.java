package batch.writer;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.List;
import javax.sql.DataSource;

import batch.database.StreamingJdbc;
import batch.domain.cashflow.MarketDataRow;
import batch.processor.ContractImportProcessor;
import batch.processor.ImportedContract;
import batch.processor.Prepared;
import batch.processor.ProjectedContract;
import batch.reader.CsvRecord;
import batch.reader.StagedContract;
import batch.shared.TablePrefix;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.batch.infrastructure.item.database.JdbcBatchItemWriter;
import org.springframework.batch.infrastructure.item.database.builder.JdbcBatchItemWriterBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The cash-flow job's writers: staged contracts, market data, observed events, projected events
 * and valuations, reject records and the CSV export.
 */
@Configuration(proxyBeanMethods = false)
class CashFlowWriterConfiguration {

	static final String OBSERVATION_UPSERT = Upsert.sql("rate_observation",
			List.of("job_instance_id", "market_object_code", "observed_at"), List.of("observed_value"));

	static final String EVENT_UPSERT = Upsert.sql("observed_event",
			List.of("job_instance_id", "contract_id", "observed_at", "event_type"), List.of("event_value"));

	static final String CURVE_UPSERT = Upsert.sql("yield_curve_point", List.of("job_instance_id", "currency", "tenor"),
			List.of("zero_rate"));

	@Bean
	@StepScope
	ItemWriter<ImportedContract> contractWriter(BulkWriter bulkWriter,
			@Value("#{stepExecution.jobExecution.jobInstanceId}") long jobInstanceId,
			@Value("#{stepExecution.jobExecutionId}") long jobExecutionId) {
		// by LOAD DATA where the server allows it, as the results are: a contract's staged terms
		// are a JSON text of a few hundred characters, which a batched statement escapes
		// character by character, a sixth of the import's time
		Upsert<ImportedContract> contracts = new Upsert<>("run_contract",
				List.of("job_instance_id", "line_number"),
				List.of("contract_id", "contract_type", "currency", "terms", "job_execution_id"), (contract, row) -> {
					row.add(jobInstanceId);
					row.add(contract.lineNumber());
					row.add(contract.contractId());
					row.add(contract.contractType());
					row.add(contract.currency());
					row.add(contract.terms());
					row.add(jobExecutionId);
				});
		return (chunk) -> bulkWriter.upsert(contracts, chunk.getItems());
	}

	@Bean
	@StepScope
	JdbcBatchItemWriter<MarketDataRow.Observation> observationWriter(DataSource dataSource,
			@Value("#{stepExecution.jobExecution.jobInstanceId}") long jobInstanceId) {
		return new JdbcBatchItemWriterBuilder<MarketDataRow.Observation>().dataSource(dataSource)
			.sql(OBSERVATION_UPSERT)
			.assertUpdates(false)
			.itemPreparedStatementSetter((observation, ps) -> {
				ps.setLong(1, jobInstanceId);
				ps.setString(2, observation.marketObjectCode());
				ps.setTimestamp(3, Timestamp.valueOf(observation.time()));
				ps.setDouble(4, observation.value());
			})
			.build();
	}

	@Bean
	@StepScope
	JdbcBatchItemWriter<MarketDataRow.CurvePoint> curveWriter(DataSource dataSource,
			@Value("#{stepExecution.jobExecution.jobInstanceId}") long jobInstanceId) {
		return new JdbcBatchItemWriterBuilder<MarketDataRow.CurvePoint>().dataSource(dataSource)
			.sql(CURVE_UPSERT)
			.assertUpdates(false)
			.itemPreparedStatementSetter((point, ps) -> {
				ps.setLong(1, jobInstanceId);
				ps.setString(2, point.currency());
				ps.setString(3, point.tenor());
				ps.setDouble(4, point.zeroRate());
			})
			.build();
	}

	@Bean
	@StepScope
	JdbcBatchItemWriter<MarketDataRow.ObservedEvent> observedEventWriter(DataSource dataSource,
			@Value("#{stepExecution.jobExecution.jobInstanceId}") long jobInstanceId) {
		return new JdbcBatchItemWriterBuilder<MarketDataRow.ObservedEvent>().dataSource(dataSource)
			.sql(EVENT_UPSERT)
			.assertUpdates(false)
			.itemPreparedStatementSetter((event, ps) -> {
				ps.setLong(1, jobInstanceId);
				ps.setString(2, event.contractId());
				ps.setTimestamp(3, Timestamp.valueOf(event.time()));
				ps.setString(4, event.type());
				ps.setDouble(5, event.value());
			})
			.build();
	}

	@Bean
	@StepScope
	CashFlowWriter cashFlowWriter(JdbcTemplate jdbcTemplate, BulkWriter bulkWriter, WriteMetrics metrics,
			@Value("#{stepExecution.jobExecutionId}") long jobExecutionId) {
		return new CashFlowWriter(jdbcTemplate, bulkWriter, jobExecutionId, metrics);
	}

	@Bean
	@StepScope
	// The record key is the contract id where the processor, which has the step's header, finds it.
	RejectRecorder<Prepared<CsvRecord, ImportedContract>, ImportedContract> contractRejectRecorder(
			JdbcTemplate jdbcTemplate, WriteMetrics metrics,
			@Value("#{stepExecution.jobExecution.jobInstanceId}") long jobInstanceId,
			@Value("#{stepExecution.jobExecutionId}") long jobExecutionId,
			ContractImportProcessor contractImportProcessor) {
		return new RejectRecorder<>(jdbcTemplate, metrics, jobInstanceId, jobExecutionId, RejectRecorder.CONTRACTS,
				(prepared) -> prepared.item().lineNumber(),
				(prepared) -> contractImportProcessor.recordKey(prepared.item()));
	}

	@Bean
	@StepScope
	RejectRecorder<StagedContract, ProjectedContract> projectionRejectRecorder(JdbcTemplate jdbcTemplate,
			WriteMetrics metrics,
			@Value("#{stepExecution.jobExecution.jobInstanceId}") long jobInstanceId,
			@Value("#{stepExecution.jobExecutionId}") long jobExecutionId) {
		return new RejectRecorder<>(jdbcTemplate, metrics, jobInstanceId, jobExecutionId, RejectRecorder.CONTRACTS,
				StagedContract::lineNumber, StagedContract::contractId);
	}

	@Bean
	@StepScope
	RejectRecorder<CsvRecord, MarketDataRow.Observation> observationRejectRecorder(JdbcTemplate jdbcTemplate,
			WriteMetrics metrics,
			@Value("#{stepExecution.jobExecution.jobInstanceId}") long jobInstanceId,
			@Value("#{stepExecution.jobExecutionId}") long jobExecutionId) {
		return new RejectRecorder<>(jdbcTemplate, metrics, jobInstanceId, jobExecutionId, RejectRecorder.OBSERVATIONS,
				CsvRecord::lineNumber, CsvRecord::firstField);
	}

	@Bean
	@StepScope
	RejectRecorder<CsvRecord, MarketDataRow.CurvePoint> curveRejectRecorder(JdbcTemplate jdbcTemplate,
			WriteMetrics metrics,
			@Value("#{stepExecution.jobExecution.jobInstanceId}") long jobInstanceId,
			@Value("#{stepExecution.jobExecutionId}") long jobExecutionId) {
		return new RejectRecorder<>(jdbcTemplate, metrics, jobInstanceId, jobExecutionId, RejectRecorder.CURVES,
				CsvRecord::lineNumber, CsvRecord::firstField);
	}

	@Bean
	@StepScope
	RejectRecorder<CsvRecord, MarketDataRow.ObservedEvent> eventRejectRecorder(JdbcTemplate jdbcTemplate,
			WriteMetrics metrics,
			@Value("#{stepExecution.jobExecution.jobInstanceId}") long jobInstanceId,
			@Value("#{stepExecution.jobExecutionId}") long jobExecutionId) {
		return new RejectRecorder<>(jdbcTemplate, metrics, jobInstanceId, jobExecutionId, RejectRecorder.EVENTS,
				CsvRecord::lineNumber, CsvRecord::firstField);
	}

	@Bean
	@StepScope
	CashFlowExportTasklet cashFlowExportTasklet(DataSource dataSource,
			@Value("#{jobParameters['exportDir']}") String exportDir,
			@Value("#{stepExecution.jobExecution.jobInstanceId}") long jobInstanceId, TablePrefix tablePrefix,
			JobRepository jobRepository, PlatformTransactionManager transactionManager) {
		CashFlowExportTasklet tasklet = new CashFlowExportTasklet(StreamingJdbc.template(dataSource),
				Path.of(exportDir), jobInstanceId, tablePrefix);
		tasklet.setProgress(new StepProgress(jobRepository, transactionManager, StepProgress.EVERY));
		return tasklet;
	}

}
