package batch.domain.cashflow;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;

/**
 * Projects the ACTUS cash-flow events of a contract. Stateless and thread-safe: one instance serves
 * every partition.
 */
public final class CashFlowEngine {

	private static final long[] NO_TIMES = {};

	/** All events after the status date. */
	public CashFlowProjection project(ContractTerms terms, MarketData market) {
		return new Projector(terms, market).project(Moments.NONE, NO_TIMES);
	}

	/** The events after the status date up to {@code to}, inclusive. */
	public CashFlowProjection project(ContractTerms terms, MarketData market, LocalDateTime to) {
		return project(terms, market, to, List.of());
	}

	/**
	 * The events after the status date up to {@code to} (inclusive; none for no limit), with a
	 * monitoring event (AD) at each analysis time up to maturity or termination: it pays nothing
	 * and brings the accrued interest up to that time.
	 */
	public CashFlowProjection project(ContractTerms terms, MarketData market, LocalDateTime to,
			Collection<LocalDateTime> analysisTimes) {
		long[] analysis = analysisTimes.stream().mapToLong(Moments::of).toArray();
		return new Projector(terms, market).project((to != null) ? Moments.of(to) : Moments.NONE, analysis);
	}

}
