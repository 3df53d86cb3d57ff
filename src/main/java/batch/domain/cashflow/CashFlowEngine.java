package batch.domain.cashflow;

import java.time.LocalDateTime;
import java.util.Collection;

/**
 * Projects the ACTUS cash-flow events of a contract. Stateless and thread-safe: one instance serves
 * every partition.
 */
public final class CashFlowEngine {

	/** All events after the status date: the whole contract. */
	public CashFlowProjection project(ContractTerms terms, MarketData market) {
		return Contract.of(terms, market).project(Horizon.wholeContract(), ObservedEvents.NONE);
	}

	/**
	 * The events after the status date up to the horizon, with a monitoring event (AD) at each
	 * analysis time up to maturity or termination: it pays nothing and brings the accrued interest
	 * up to that time.
	 */
	public CashFlowProjection project(ContractTerms terms, MarketData market, Horizon horizon,
			Collection<LocalDateTime> analysisTimes) {
		long[] analysis = analysisTimes.stream().mapToLong(Moments::of).toArray();
		return Contract.of(terms, market).project(horizon, ObservedEvents.monitoring(analysis));
	}

	/**
	 * The events after the status date up to the horizon, with the events observed on the
	 * contract: monitoring times (AD) as above, and the others (call notices, unscheduled
	 * payments) as the contract's type takes them.
	 */
	public CashFlowProjection project(ContractTerms terms, MarketData market, Horizon horizon,
			ObservedEvents observed) {
		return Contract.of(terms, market).project(horizon, observed);
	}

}
