package batch.domain.cashflow;

/**
 * The ACTUS contract types without child contracts.
 */
public enum ContractType {

	/** Principal at maturity: bullet loans, bonds, deposits. */
	PAM,
	/** Linear amortizer: fixed principal repayments. */
	LAM,
	/** Negative amortizer: fixed total payments, interest first. */
	NAM,
	/** Annuity: total payments sized to repay the principal by maturity, as mortgages. */
	ANN,
	/** Exotic linear amortizer: step-up and step-down loans, schedules given as arrays. */
	LAX,
	/** Call money: a loan without maturity until it is called, with notice. */
	CLM,
	/** Undefined maturity profile: savings and current accounts. */
	UMP,
	/** Plain vanilla interest rate swap: a fixed leg against a floating leg. */
	SWPPV,
	/** Foreign exchange outright: an FX forward. */
	FXOUT,
	/** Stock: a position in shares, with dividends. */
	STK,
	/** Commodity: a position in a commodity. */
	COM,
	/** Cash: a position in a currency. */
	CSH;


	boolean amortizes() {
		return this == LAM || this == NAM || this == ANN;
	}

}
