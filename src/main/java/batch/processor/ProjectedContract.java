package batch.processor;

import java.time.LocalDate;

import batch.domain.cashflow.CashFlowProjection;

/**
 * A contract's projected events and their present value on the valuation date.
 */
public record ProjectedContract(long lineNumber, CashFlowProjection events, LocalDate valuationDate,
		double presentValue) {

}
