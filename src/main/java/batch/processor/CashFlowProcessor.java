package batch.processor;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import batch.domain.cashflow.CashFlowEngine;
import batch.domain.cashflow.CashFlowProjection;
import batch.domain.cashflow.CashFlowRejectReason;
import batch.domain.cashflow.ContractRejectedException;
import batch.domain.cashflow.ContractTerms;
import batch.domain.cashflow.Horizon;
import batch.domain.cashflow.PresentValue;
import batch.reader.StagedContract;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Projects a contract's events, up to the run's horizon if it has one, with the run's market data
 * and the events observed on the contract, and values them on its currency's curve (the events
 * of each other currency it pays in on that currency's). A contract without the market data it
 * needs is rejected (MISSING_MARKET_DATA).
 */
public class CashFlowProcessor implements ItemProcessor<StagedContract, ProjectedContract> {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final TypeReference<Map<String, Object>> TERMS = new TypeReference<>() {
	};

	// cash_flow and contract_valuation hold DECIMAL(30,10): below 1e20
	private static final double STORABLE = 1e19;

	private final CashFlowEngine engine;

	private final RunMarketData market;

	private final LocalDate valuationDate;

	private final Horizon horizon;

	/**
	 * @param valuationDate the date to value on, or null for each contract's status date
	 * @param horizon the last date to project to, or null for each contract whole
	 */
	public CashFlowProcessor(CashFlowEngine engine, RunMarketData market, LocalDate valuationDate, LocalDate horizon) {
		this.engine = engine;
		this.market = market;
		this.valuationDate = valuationDate;
		this.horizon = (horizon != null) ? Horizon.until(horizon.atTime(LocalTime.MAX.withNano(0)))
				: Horizon.wholeContract();
	}

	@Override
	public ProjectedContract process(StagedContract staged) {
		ContractTerms terms = ContractTerms.restore(JSON.readValue(staged.terms(), TERMS));
		CashFlowProjection events = this.engine.project(terms, this.market.observations(), this.horizon,
				this.market.events(terms.contractId()));
		LocalDate valuedOn = (this.valuationDate != null) ? this.valuationDate : terms.statusDate().toLocalDate();
		List<String> currencies = events.currencies();
		double value = PresentValue.of(events, terms.currency(), this.market.curve(terms.currency()), valuedOn);
		double largest = Math.max(events.largestMagnitude(), Math.abs(value));
		Map<String, Double> others = new LinkedHashMap<>();
		for (String currency : currencies.subList(1, currencies.size())) {
			double leg = PresentValue.of(events, currency, this.market.curve(currency), valuedOn);
			others.put(currency, leg);
			largest = Math.max(largest, Math.abs(leg));
		}
		if (!(largest < STORABLE)) {
			throw new ContractRejectedException(CashFlowRejectReason.INCONSISTENT_TERMS,
					"the projected amounts reach 1e19 or are not numbers: more than the results can hold");
		}
		return new ProjectedContract(staged.lineNumber(), events, valuedOn, value, others);
	}

}
