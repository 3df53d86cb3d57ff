package batch.processor;

import java.time.LocalDate;
import java.util.Map;

import batch.domain.cashflow.CashFlowEngine;
import batch.domain.cashflow.CashFlowProjection;
import batch.domain.cashflow.ContractTerms;
import batch.domain.cashflow.PresentValue;
import batch.reader.StagedContract;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Projects a contract's events with the run's market data and values them on its currency's
 * curve. A contract without the market data it needs is rejected (MISSING_MARKET_DATA).
 */
public class CashFlowProcessor implements ItemProcessor<StagedContract, ProjectedContract> {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final TypeReference<Map<String, String>> TERMS = new TypeReference<>() {
	};

	private final CashFlowEngine engine;

	private final RunMarketData market;

	private final LocalDate valuationDate;

	/**
	 * @param valuationDate the date to value on, or null for each contract's status date
	 */
	public CashFlowProcessor(CashFlowEngine engine, RunMarketData market, LocalDate valuationDate) {
		this.engine = engine;
		this.market = market;
		this.valuationDate = valuationDate;
	}

	@Override
	public ProjectedContract process(StagedContract staged) {
		ContractTerms terms = ContractTerms.parse(JSON.readValue(staged.terms(), TERMS));
		CashFlowProjection events = this.engine.project(terms, this.market.observations());
		LocalDate valuedOn = (this.valuationDate != null) ? this.valuationDate : terms.statusDate().toLocalDate();
		double value = PresentValue.of(events, this.market.curve(terms.currency()), valuedOn);
		return new ProjectedContract(staged.lineNumber(), events, valuedOn, value);
	}

}
