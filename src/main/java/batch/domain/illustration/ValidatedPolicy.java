package batch.domain.illustration;

import java.time.LocalDate;

/**
 * A row that passed validation: the policy terms, and the personal data that the import must
 * protect before anything is stored.
 */
public record ValidatedPolicy(Policy policy, String holderName, String mobile, LocalDate dateOfBirth,
		LocalDate commencementDate) {

	@Override
	public String toString() {
		return "ValidatedPolicy[policyId=" + this.policy.policyId() + ", personal data withheld]";
	}

}
