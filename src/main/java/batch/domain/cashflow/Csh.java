package batch.domain.cashflow;

/**
 * CSH, cash (ACTUS 7.8): a balance in a currency, signed by the role. It has no schedule of its
 * own, no maturity and no interest: its only events are the monitoring times observed on it (AD),
 * which pay nothing, so a projection without them is empty.
 */
final class Csh extends Contract {

	Csh(ContractTerms terms, MarketData market) {
		super(terms, market);
	}

	@Override
	long maturity() {
		return Moments.NONE;
	}

	@Override
	EventQueue schedule(ObservedEvents observed, long end) {
		long[] analysisTimes = observed.timesOf(EventType.AD);
		EventQueue queue = newQueue(analysisTimes.length);
		for (long time : analysisTimes) {
			queue.addExact(time, EventType.AD);
		}
		return queue;
	}

	// ACTUS 7.8: the notional is the balance, signed by the role; no rate, nothing accrues.
	@Override
	void initialize() {
		this.notional = this.terms.roleSign * this.terms.notionalPrincipal;
		this.rate = 0;
		this.accrued = 0;
	}

	@Override
	double evaluate(EventType type, long scheduled, long time) {
		if (type != EventType.AD) {
			throw new IllegalStateException("no evaluation for " + type + " in CSH");
		}
		return 0;
	}

}
