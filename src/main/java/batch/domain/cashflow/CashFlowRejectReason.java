package batch.domain.cashflow;

/**
 * Why a contract cannot be projected, in the order of the spec: a contract is rejected with the
 * first that applies.
 */
public enum CashFlowRejectReason {

	MALFORMED_ROW,
	MISSING_TERM,
	MALFORMED_DATE,
	MALFORMED_NUMBER,
	UNKNOWN_CONTRACT_TYPE,
	UNKNOWN_CONVENTION,
	UNSUPPORTED_TERM,
	INCONSISTENT_TERMS,
	DUPLICATE_CONTRACT_ID,
	/** A contract without a maturity (UMP, CLM without notice, STK, COM, CSH) and no horizon. */
	MISSING_HORIZON,
	MISSING_MARKET_DATA

}
