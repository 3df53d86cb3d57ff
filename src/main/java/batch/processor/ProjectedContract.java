package batch.processor;

import java.time.LocalDate;
import java.util.Map;

import batch.domain.cashflow.CashFlowProjection;

/**
 * A contract's projected events and their present value on the valuation date, in the contract's
 * currency; for a contract that also pays in other currencies (an FX outright's second leg), the
 * present value of those events in each of them, on its own curve (v1 has no FX conversion).
 */
public record ProjectedContract(long lineNumber, CashFlowProjection events, LocalDate valuationDate,
		double presentValue, Map<String, Double> otherCurrencies) {

	public ProjectedContract(long lineNumber, CashFlowProjection events, LocalDate valuationDate,
			double presentValue) {
		this(lineNumber, events, valuationDate, presentValue, Map.of());
	}

}
