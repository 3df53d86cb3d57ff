package batch.domain.cashflow;

/**
 * What the amortizing types (LAM, NAM, ANN) add to a loan: principal redemptions on their cycle,
 * each of the next principal redemption payment, and interest on an interest calculation base
 * that follows the notional (NT), stays at the initial notional (NTIED) or is fixed on its own
 * cycle (NTL, with IPCB events).
 */
abstract class Amortizer extends Loan {

	// The interest calculation base and the next principal redemption payment.
	double interestBase;

	double nextPayment;

	Amortizer(ContractTerms terms, MarketData market) {
		super(terms, market);
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
	double base() {
		return this.interestBase;
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
	double fixInterestBase(long time) {
		accrue(time);
		this.interestBase = this.notional;
		return 0;
	}

	// Never more than the notional left.
	@Override
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
	abstract double principalDue();

}
