package batch.domain.illustration;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The spec's rounding steps: r2, r4 and r10 are HALF_UP to 2, 4 and 10 places, and every
 * quotient or power is first taken to 34 significant digits.
 */
enum Rounding {

	R2(2), R4(4), R10(10);

	/** Precision of quotients and powers before they are rounded (spec: at least 34 digits). */
	public static final MathContext WORKING = MathContext.DECIMAL128;

	/** Digits beyond the rounding place kept by the fast division of {@link #ofQuotient}. */
	static final int GUARD = 6;

	private static final long GUARD_MODULUS = 1_000_000L;

	// 500000: the guard digits of an exact half
	private static final long GUARD_HALF = 5 * 100_000L;

	private final int places;

	Rounding(int places) {
		this.places = places;
	}

	public BigDecimal of(BigDecimal value) {
		return value.setScale(this.places, RoundingMode.HALF_UP);
	}

	/**
	 * Rounds {@code dividend / divisor}, the quotient taken to working precision first. The same
	 * result is found faster, in most cases, from the quotient truncated to {@value #GUARD} more
	 * places, a division in long arithmetic for amounts of money: the quotient at working
	 * precision is within half a unit of its 34th digit of the exact one, so rounding it lands
	 * elsewhere than rounding the truncated quotient only where the guard digits read 4999.. or
	 * 5000.., the exact quotient being just below or just above a half. There, and for
	 * quotients too large for the guard digits to lie within the 34, the quotient is taken to
	 * working precision as the spec says.
	 */
	public BigDecimal ofQuotient(BigDecimal dividend, BigDecimal divisor) {
		BigDecimal truncated = dividend.divide(divisor, this.places + GUARD, RoundingMode.DOWN);
		boolean withinWorkingDigits = truncated.precision() - truncated.scale() <= WORKING.getPrecision() - 1
				- this.places - GUARD;
		if (withinWorkingDigits && !nearHalf(truncated)) {
			return of(truncated);
		}
		return of(dividend.divide(divisor, WORKING));
	}

	private static boolean nearHalf(BigDecimal truncated) {
		long guardDigits = (truncated.precision() < 19) ? Math.abs(truncated.unscaledValue().longValue()) % GUARD_MODULUS
				: truncated.unscaledValue().abs().mod(BigInteger.valueOf(GUARD_MODULUS)).longValue();
		return guardDigits == GUARD_HALF - 1 || guardDigits == GUARD_HALF;
	}

}
