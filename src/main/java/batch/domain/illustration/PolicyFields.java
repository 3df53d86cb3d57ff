package batch.domain.illustration;

import java.util.List;

/**
 * One row of the policies file as text, in the column order of the spec, before validation.
 */
public record PolicyFields(String policyId, String productCode, String holderName, String mobile, String dob,
		String gender, String commencementDate, String sumAssured, String modalPremium, String premiumFrequency,
		String policyTerm, String premiumPayingTerm) {

	/** The header the policies file must start with. */
	public static final List<String> HEADER = List.of("policy_id", "product_code", "holder_name", "mobile", "dob",
			"gender", "commencement_date", "sum_assured", "modal_premium", "premium_frequency", "policy_term",
			"premium_paying_term");

	/**
	 * Builds the record from exactly {@link #HEADER}{@code .size()} values, each trimmed of
	 * surrounding spaces and control characters: a stray space does not make a number malformed.
	 */
	public static PolicyFields of(String[] values) {
		if (values.length != HEADER.size()) {
			throw new IllegalArgumentException("expected " + HEADER.size() + " values, got " + values.length);
		}
		String[] v = new String[values.length];
		for (int i = 0; i < values.length; i++) {
			v[i] = (values[i] != null) ? values[i].trim() : "";
		}
		return new PolicyFields(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11]);
	}

	String[] values() {
		return new String[] { this.policyId, this.productCode, this.holderName, this.mobile, this.dob, this.gender,
				this.commencementDate, this.sumAssured, this.modalPremium, this.premiumFrequency, this.policyTerm,
				this.premiumPayingTerm };
	}

}
