package batch.domain.cashflow;

import java.time.LocalDateTime;

/**
 * Projects the ACTUS cash-flow events of a contract. Stateless and thread-safe: one instance serves
 * every partition.
 */
public final class CashFlowEngine {

	/** All events after the status date. */
	public CashFlowProjection project(ContractTerms terms, MarketData market) {
		return new Projector(terms, market).project(Moments.NONE);
	}

	/** The events after the status date up to {@code to}, inclusive. */
	public CashFlowProjection project(ContractTerms terms, MarketData market, LocalDateTime to) {
		return new Projector(terms, market).project((to != null) ? Moments.of(to) : Moments.NONE);
	}

}
