package batch.domain.cashflow;

/**
 * The ACTUS contract types of v1.
 */
public enum ContractType {

	/** Principal at maturity: bullet loans, bonds, deposits. */
	PAM,
	/** Linear amortizer: fixed principal repayments. */
	LAM,
	/** Negative amortizer: fixed total payments, interest first. */
	NAM,
	/** Annuity: total payments sized to repay the principal by maturity, as mortgages. */
	ANN;

	boolean amortizes() {
		return this != PAM;
	}

}
