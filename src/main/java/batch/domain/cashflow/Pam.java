package batch.domain.cashflow;

/**
 * PAM, principal at maturity (ACTUS 7.1): bullet loans, bonds and deposits. Everything it does is
 * what every loan does ({@link Loan}).
 */
final class Pam extends Loan {

	Pam(ContractTerms terms, MarketData market) {
		super(terms, market);
	}

}
