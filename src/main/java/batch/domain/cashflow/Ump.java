package batch.domain.cashflow;

/**
 * UMP, the undefined maturity profile (ACTUS 7.7): savings and current accounts, which never
 * mature. Interest is capitalized on its cycle and rates reset on theirs until the account is
 * terminated (TD) or, in a projection, up to its horizon.
 */
final class Ump extends Loan {

	// Where the cycles end: the projection's end, as the techspec's Md, or the termination's.
	private long end = Moments.NONE;

	Ump(ContractTerms terms, MarketData market) {
		super(terms, market);
	}

	// Deposits and withdrawals are observed principal changes (PR): v1 does not apply them, and a
	// projection without them would be wrong.
	@Override
	EventQueue schedule(ObservedEvents observed, long end) {
		if (observed.timesOf(EventType.PR).length > 0) {
			throw new ContractRejectedException(CashFlowRejectReason.UNSUPPORTED_TERM,
					"a UMP's observed principal changes (PR) are not calculated in v1");
		}
		long termination = this.terms.terminationDate;
		// without a horizon, it has a termination (Contract.ends); up to the termination, a capitalization on its day included, as with any end after it:
		// the termination comes after it and removes what follows
		// a horizon ends the cycles at the start of its day, as a case's "to" at midnight does
		// (ump04): a capitalization on the horizon's day is the next period's, whatever its time
		this.end = (end != Moments.NONE) ? Moments.atDay(Moments.epochDay(end), 0) : Moments.plusDays(termination, 1);
		return super.schedule(observed, end);
	}

	@Override
	long scheduleEnd() {
		return this.end;
	}

	@Override
	long monitoringEnd() {
		return this.end;
	}

	// It never matures.
	@Override
	void addMaturity(EventQueue queue) {
	}

	// It pays no interest but capitalizes it, on its cycle, S(IPANX, IPCL, Md); without a cycle, never.
	@Override
	void addInterestPayments(EventQueue queue) {
		ContractTerms terms = this.terms;
		if (terms.interestPaymentCycle != null) {
			queue.addAll(Schedule.of(terms.interestPaymentAnchor, terms.interestPaymentCycle, this.end,
					terms.endOfMonth, false), EventType.IPCI);
		}
	}

	// Without a rate an account earns nothing (ump01), though the data dictionary requires one.
	@Override
	double initialRate() {
		return this.terms.real(Term.NOMINAL_INTEREST_RATE, 0);
	}

	// The accrued interest at the status date as given, or none, as CLM's (the reference's).
	@Override
	void initialize() {
		super.initialize();
		double given = this.terms.accruedInterest;
		this.accrued = (running() && !Double.isNaN(given)) ? this.role * given : 0;
	}

}
