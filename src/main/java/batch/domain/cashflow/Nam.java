package batch.domain.cashflow;

/**
 * NAM, the negative amortizer (ACTUS 7.3): a fixed total payment at each redemption, of which the
 * interest comes first; what is left repays principal.
 */
final class Nam extends Amortizer {

	Nam(ContractTerms terms, MarketData market) {
		super(terms, market, true);
	}

	// Without a maturity: as many cycles as the payment takes (the oracle README, point 10).
	@Override
	long maturity() {
		return (this.terms.maturityDate != Moments.NONE) ? this.terms.maturityDate : Maturity.level(this.terms);
	}

	// LAM and NAM shift their maturity by the convention (the oracle README, point 2).
	@Override
	void addMaturity(EventQueue queue) {
		queue.add(this.maturity, EventType.MD);
	}

	@Override
	void initialize() {
		super.initialize();
		// required of NAM (ContractTermsParser)
		this.nextPayment = this.role * this.terms.nextPrincipalRedemptionPayment;
	}
}
