package batch.domain.illustration;

import java.math.BigDecimal;
import java.util.List;

/**
 * One row of a benefit illustration: policy year t, with values per scenario in the basis's
 * scenario order. {@code guaranteedDeathBenefit} and {@code guaranteedSurrenderValue} are null
 * for ULIP.
 */
public record IllustrationYear(int year, int age, BigDecimal premium, BigDecimal totalPremiumsPaid,
		BigDecimal guaranteedDeathBenefit, BigDecimal guaranteedSurrenderValue, List<ScenarioValues> scenarios) {

	public IllustrationYear {
		scenarios = List.copyOf(scenarios);
	}

}
