package batch.domain.illustration;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The spec's rounding steps: r2, r4 and r10 are HALF_UP to 2, 4 and 10 places, and every
 * quotient or power is first taken to 34 significant digits.
 */
public enum Rounding {

	R2(2), R4(4), R10(10);

	/** Precision of quotients and powers before they are rounded (spec: at least 34 digits). */
	public static final MathContext WORKING = MathContext.DECIMAL128;

	private final int places;

	Rounding(int places) {
		this.places = places;
	}

	public BigDecimal of(BigDecimal value) {
		return value.setScale(this.places, RoundingMode.HALF_UP);
	}

	/** Rounds {@code dividend / divisor}, the quotient taken to working precision first. */
	public BigDecimal ofQuotient(BigDecimal dividend, BigDecimal divisor) {
		return of(dividend.divide(divisor, WORKING));
	}

}
