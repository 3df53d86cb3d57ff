package batch.domain.cashflow;

/**
 * LAM, the linear amortizer (ACTUS 7.2): a fixed principal at each redemption, interest on top.
 */
final class Lam extends Amortizer {

	Lam(ContractTerms terms, MarketData market) {
		super(terms, market, false);
	}

	// Without a maturity: as many cycles as the redemption takes (the oracle README, point 10).
	@Override
	long maturity() {
		return (this.terms.maturityDate != Moments.NONE) ? this.terms.maturityDate : Maturity.linear(this.terms);
	}

	// LAM and NAM shift their maturity by the convention (the oracle README, point 2).
	@Override
	void addMaturity(EventQueue queue) {
		queue.add(this.maturity, EventType.MD);
	}

	@Override
	void initialize() {
		super.initialize();
		this.nextPayment = !Double.isNaN(this.terms.nextPrincipalRedemptionPayment)
				? this.terms.nextPrincipalRedemptionPayment : linearPayment();
	}

	// Without a given payment: the notional in equal parts over the redemptions left and maturity.
	private double linearPayment() {
		ContractTerms terms = this.terms;
		int payments = 1;
		for (long time : Schedule.of(terms.principalRedemptionAnchor, terms.principalRedemptionCycle, this.maturity,
				terms.endOfMonth, false)) {
			if (time > terms.statusDate) {
				payments++;
			}
		}
		return terms.notionalPrincipal / payments;
	}
}
