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

	// the double nearest each power of ten, as the compiler reads the literal
	private static final double[] POWERS_OF_TEN = new double[64];

	static {
		for (int i = 0; i < POWERS_OF_TEN.length; i++) {
			POWERS_OF_TEN[i] = Double.parseDouble("1e" + i);
		}
	}

	// 2^38: below it a quotient's error is under 2^-13 and adding a half to it is exact
	private static final double LARGEST_QUOTIENT = 0x1p38;

	private static final double MARGIN = 1e-3;

	private final int places;

	Rounding(int places) {
		this.places = places;
	}

	int places() {
		return this.places;
	}

	/**
	 * Rounds HALF_UP to this many places, exactly as {@code setScale(places, HALF_UP)}. A value
	 * of more than 18 digits (a product of money and a 34-digit rate) would be rounded by a
	 * division of big integers, a fifth of the calculation's time; its rounding is read instead
	 * from a double approximation of the quotient, which is within 2^-51 of it relatively (three
	 * roundings: the unscaled value, the power of ten, the division). For a quotient under 2^38,
	 * that is within 2^-13, so where the quotient plus a half lies farther than {@value #MARGIN}
	 * from a whole number, the whole number below it is the rounded value; elsewhere, and for
	 * larger quotients, the decimal division decides.
	 */
	public BigDecimal of(BigDecimal value) {
		int excess = value.scale() - this.places;
		if (excess > 0 && excess < POWERS_OF_TEN.length && value.precision() > 18) {
			double quotient = Math.abs(value.unscaledValue().doubleValue() / POWERS_OF_TEN[excess]);
			if (quotient < LARGEST_QUOTIENT) {
				double up = quotient + 0.5;
				double whole = Math.floor(up);
				double fraction = up - whole;
				if (fraction > MARGIN && fraction < 1 - MARGIN) {
					long magnitude = (long) whole;
					return BigDecimal.valueOf((value.signum() < 0) ? -magnitude : magnitude, this.places);
				}
			}
		}
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
