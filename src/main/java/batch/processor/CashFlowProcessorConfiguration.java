package batch.processor;

import java.time.LocalDate;
import java.util.List;

import batch.domain.cashflow.CashFlowEngine;
import batch.domain.cashflow.MarketDataRow;

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
			@Value("#{stepExecution.jobExecution.jobInstanceId}") long jobInstanceId) {
		return new CashFlowProcessor(engine, marketData.of(jobInstanceId),
				(valuationDate != null) ? LocalDate.parse(valuationDate) : null);
	}

}
