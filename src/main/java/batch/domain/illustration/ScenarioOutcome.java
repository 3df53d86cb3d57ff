package batch.domain.illustration;

import java.math.BigDecimal;

/**
 * The maturity benefit under one scenario and its yield; {@code irr} is null where there is no
 * maturity benefit.
 */
public record ScenarioOutcome(BigDecimal maturityBenefit, BigDecimal irr) {

}
