package batch.domain.illustration;

import java.math.BigDecimal;

/**
 * A policy year's benefits under one scenario. {@code accruedBonus} is null for ULIP and
 * {@code fundValue} null for the traditional products: the columns that do not apply.
 */
public record ScenarioValues(BigDecimal deathBenefit, BigDecimal surrenderValue, BigDecimal maturityBenefit,
		BigDecimal accruedBonus, BigDecimal fundValue) {

}
