package batch.domain.illustration;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One assumed gross investment return and the bonus and growth rates that go with it.
 *
 * @param rate the assumed return, % a year (4 or 8)
 * @param reversionaryBonusRate rb_s, a fraction of the sum assured a year
 * @param terminalBonusRate tb_s, a fraction of the accrued bonus at maturity
 * @param monthlyGrowth i_m for the ULIP fund
 */
public record Scenario(int rate, BigDecimal reversionaryBonusRate, BigDecimal terminalBonusRate,
		BigDecimal monthlyGrowth) {

	public Scenario {
		Objects.requireNonNull(reversionaryBonusRate, "reversionaryBonusRate");
		Objects.requireNonNull(terminalBonusRate, "terminalBonusRate");
		Objects.requireNonNull(monthlyGrowth, "monthlyGrowth");
	}

}
