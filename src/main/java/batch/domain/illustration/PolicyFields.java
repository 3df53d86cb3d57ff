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

	/** Builds the record from exactly {@link #HEADER}{@code .size()} values. */
	public static PolicyFields of(String[] values) {
		if (values.length != HEADER.size()) {
			throw new IllegalArgumentException("expected " + HEADER.size() + " values, got " + values.length);
		}
		return new PolicyFields(values[0], values[1], values[2], values[3], values[4], values[5], values[6],
				values[7], values[8], values[9], values[10], values[11]);
	}

	String[] values() {
		return new String[] { this.policyId, this.productCode, this.holderName, this.mobile, this.dob, this.gender,
				this.commencementDate, this.sumAssured, this.modalPremium, this.premiumFrequency, this.policyTerm,
				this.premiumPayingTerm };
	}

}
