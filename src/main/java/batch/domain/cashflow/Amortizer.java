package batch.domain.cashflow;

/**
 * What the amortizing types (LAM, NAM, ANN) add to a loan: principal redemptions on their cycle,
 * each of the next principal redemption payment, and interest on an interest calculation base
 * that follows the notional (NT), stays at the initial notional (NTIED) or is fixed on its own
 * cycle (NTL, with IPCB events).
 */
abstract class Amortizer extends Loan {

	// The next principal redemption payment; the interest calculation base is the loan's own.
	double nextPayment;

	// Whether the next principal redemption payment is a level payment of interest and principal
	// (NAM, ANN) rather than of principal alone (LAM, LAX). A flag, not a method each type
	// overrides: a redemption is half the events, and there a call the JIT cannot inline costs the
	// mixed book a tenth of its speed (bench/engine-compare).
	private final boolean levelPayment;

	Amortizer(ContractTerms terms, MarketData market, boolean levelPayment) {
		super(terms, market);
		this.ownBase = true;
		this.levelPayment = levelPayment;
	}

	@Override
	void addRedemptions(EventQueue queue) {
		ContractTerms terms = this.terms;
		queue.addAll(Schedule.of(terms.principalRedemptionAnchor, terms.principalRedemptionCycle, this.maturity,
				terms.endOfMonth, false), EventType.PR);
		if (terms.interestCalculationBase == ContractTerms.InterestCalculationBase.NTL) {
			queue.addAll(Schedule.of(terms.interestCalculationBaseAnchor, terms.interestCalculationBaseCycle,
					this.maturity, terms.endOfMonth, false), EventType.IPCB);
		}
	}

	@Override
	int expectedEvents() {
		return super.expectedEvents() + perCycle(days(), this.terms.principalRedemptionCycle);
	}

	@Override
	void initializeInterestBase(boolean running) {
		if (!running) {
			this.interestBase = 0;
		}
		else if (this.terms.interestCalculationBase == ContractTerms.InterestCalculationBase.NTL) {
			this.interestBase = this.role * this.terms.interestCalculationBaseAmount;
		}
		else {
			this.interestBase = this.role * this.terms.notionalPrincipal;
		}
	}

	@Override
	void updateInterestBase() {
		if (this.terms.interestCalculationBase == ContractTerms.InterestCalculationBase.NT) {
			this.interestBase = this.notional;
		}
	}

	@Override
	void end(long time) {
		super.end(time);
		this.interestBase = 0;
	}

	@Override
	double evaluate(EventType type, long scheduled, long time) {
		return switch (type) {
			case PR -> redeem(time);
			case IPCB -> fixInterestBase(time);
			default -> super.evaluate(type, scheduled, time);
		};
	}

	private double fixInterestBase(long time) {
		accrue(time);
		this.interestBase = this.notional;
		return 0;
	}

	// Never more than the notional left.
	final double redeem(long time) {
		accrue(time);
		double principal = principalDue();
		double excess = Math.abs(principal) - Math.abs(this.notional);
		if (excess > 0) {
			principal -= Math.signum(principal) * excess;
		}
		this.notional -= principal;
		updateInterestBase();
		return this.notionalScaling * principal;
	}

	/** The principal a redemption repays, signed by the role, the interest accrued to it included. */
	private double principalDue() {
		return this.levelPayment ? this.nextPayment - this.accrued : this.role * this.nextPayment;
	}

}
