package batch.processor;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import batch.domain.cashflow.CashFlowEngine;
import batch.domain.cashflow.CashFlowRejectReason;
import batch.domain.cashflow.ContractRejectedException;
import batch.domain.cashflow.MarketDataRow;
import batch.reader.CsvItemReader;
import batch.reader.CsvRecord;
import batch.shared.StepProperties;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The cash-flow job's processors and the engine they share.
 */
@Configuration(proxyBeanMethods = false)
class CashFlowProcessorConfiguration {

	@Bean
	CashFlowEngine cashFlowEngine() {
		return new CashFlowEngine();
	}

	// Step scoped: the duplicate check holds the contract ids of one input file.
	@Bean
	@StepScope
	ContractImportProcessor contractImportProcessor() {
		return new ContractImportProcessor();
	}

	// The contracts file read and checked ahead of the writes, as the policies file is.
	@Bean(destroyMethod = "")
	@StepScope
	ProcessingAhead<CsvRecord, ImportedContract> contractImportAhead(CsvItemReader contractCsvReader,
			ContractImportProcessor contractImportProcessor, StepProperties properties) {
		return new ProcessingAhead<>(contractCsvReader, contractImportProcessor, 2 * properties.chunkSize(),
				"import-contracts");
	}

	// Step scoped, as the contracts' processor: a second value for the same market object and
	// moment, or the same currency and tenor, is rejected, not written over the first.
	@Bean
	@StepScope
	MarketDataProcessor<MarketDataRow.Observation> observationProcessor() {
		return new MarketDataProcessor<>(MarketDataRow::observation,
				(row) -> List.of(row.marketObjectCode(), row.time()), "market_object_code and date");
	}

	@Bean
	@StepScope
	MarketDataProcessor<MarketDataRow.CurvePoint> curvePointProcessor() {
		return new MarketDataProcessor<>(MarketDataRow::curvePoint, (row) -> List.of(row.currency(), row.tenor()),
				"currency and tenor");
	}

	// Step scoped, as the contracts' processor: a second event of the same type at the same time
	// for a contract is rejected; so is an event of a contract the run did not import.
	@Bean
	@StepScope
	MarketDataProcessor<MarketDataRow.ObservedEvent> observedEventProcessor(JdbcTemplate jdbcTemplate,
			@Value("#{stepExecution.jobExecution.jobInstanceId}") long jobInstanceId) {
		Set<String> contracts = new HashSet<>(jdbcTemplate
			.queryForList("SELECT contract_id FROM run_contract WHERE job_instance_id = ?", String.class, jobInstanceId));
		return new MarketDataProcessor<>((values) -> {
			MarketDataRow.ObservedEvent event = MarketDataRow.observedEvent(values);
			if (!contracts.contains(event.contractId())) {
				throw new ContractRejectedException(CashFlowRejectReason.INCONSISTENT_TERMS,
						"contract_id is not a contract this run imported");
			}
			return event;
		}, (row) -> List.of(row.contractId(), row.time(), row.type()), "contract_id, time and type");
	}

	@Bean
	RunMarketDataCache runMarketDataCache(JdbcTemplate jdbcTemplate) {
		return new RunMarketDataCache((jobInstanceId) -> RunMarketData.load(jdbcTemplate, jobInstanceId));
	}

	// Step scoped, for the run's parameters; the market data is the run's, loaded once for all of
	// its partitions.
	@Bean
	@StepScope
	CashFlowProcessor cashFlowProcessor(CashFlowEngine engine, RunMarketDataCache marketData,
			@Value("#{jobParameters['valuationDate']}") String valuationDate,
			@Value("#{jobParameters['horizon']}") String horizon,
			@Value("#{stepExecution.jobExecution.jobInstanceId}") long jobInstanceId) {
		return new CashFlowProcessor(engine, marketData.of(jobInstanceId),
				(valuationDate != null) ? LocalDate.parse(valuationDate) : null,
				(horizon != null) ? LocalDate.parse(horizon) : null);
	}

}
