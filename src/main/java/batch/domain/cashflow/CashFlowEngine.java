package batch.domain.cashflow;

import java.time.LocalDateTime;
import java.util.Collection;

/**
 * Projects the ACTUS cash-flow events of a contract. Stateless and thread-safe: one instance serves
 * every partition.
 */
public final class CashFlowEngine {

	private static final long[] NO_TIMES = {};

	/** All events after the status date: the whole contract. */
	public CashFlowProjection project(ContractTerms terms, MarketData market) {
		return Contract.of(terms, market).project(Horizon.wholeContract(), NO_TIMES);
	}

	/**
	 * The events after the status date up to the horizon, with a monitoring event (AD) at each
	 * analysis time up to maturity or termination: it pays nothing and brings the accrued interest
	 * up to that time.
	 */
	public CashFlowProjection project(ContractTerms terms, MarketData market, Horizon horizon,
			Collection<LocalDateTime> analysisTimes) {
		long[] analysis = analysisTimes.stream().mapToLong(Moments::of).toArray();
		return Contract.of(terms, market).project(horizon, analysis);
	}

}
