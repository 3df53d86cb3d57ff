package batch.domain.illustration;

import java.math.BigDecimal;
import java.util.List;

/**
 * The benefit illustration of one policy: a row per policy year and the policy summary.
 */
public record Illustration(Policy policy, List<IllustrationYear> years, List<ScenarioOutcome> outcomes,
		PolicyStatus status, String basisVersion) {

	public Illustration {
		years = List.copyOf(years);
		outcomes = List.copyOf(outcomes);
	}

	public long policyId() {
		return this.policy.policyId();
	}

	public BigDecimal annualPremium() {
		return this.policy.annualPremium();
	}

}
