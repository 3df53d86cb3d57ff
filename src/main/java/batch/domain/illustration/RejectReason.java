package batch.domain.illustration;

/**
 * Why an input row was rejected. Apart from {@link #MALFORMED_ROW}, a row is checked against
 * the rules in the declaration order of this enum and rejected with the first one it breaks.
 */
public enum RejectReason {

	MALFORMED_ROW,
	MISSING_FIELD,
	MALFORMED_NUMBER,
	MALFORMED_DATE,
	UNKNOWN_PRODUCT,
	UNKNOWN_FREQUENCY,
	UNKNOWN_GENDER,
	DUPLICATE_POLICY_ID,
	DOB_NOT_BEFORE_COMMENCEMENT,
	COMMENCEMENT_OUT_OF_RANGE,
	AGE_OUT_OF_RANGE,
	TERM_OUT_OF_RANGE,
	PPT_OUT_OF_RANGE,
	PREMIUM_OUT_OF_RANGE,
	SUM_ASSURED_OUT_OF_RANGE,
	MATURITY_AGE_EXCEEDED

}
