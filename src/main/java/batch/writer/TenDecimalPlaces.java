package batch.writer;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A calculated figure as it is stored and exported: the double's decimal form
 * ({@link BigDecimal#valueOf(double)}, the digits {@link Double#toString} gives) rounded half up to
 * ten places. The same {@link BigDecimal}, equal in value and scale, as
 * {@code BigDecimal.valueOf(value).setScale(10, RoundingMode.HALF_UP)}, on every JDK.
 *
 * <p>
 * Why not just that expression: on JDK 17 {@code Double.toString} is the slow part of a cash-flow
 * run. Four figures a row, twenty million rows a book: formatting them took three quarters of the
 * partition threads' samples (README, Performance). No library gives the JDK's own digits faster,
 * and a faster shortest-digits algorithm (as JDK 19 and later use) would not always give JDK 17's
 * digits, so stored figures would change with the JDK. So this answers from the binary value alone
 * when every decimal that reads back as the same double rounds to the same ten places; whatever
 * digits {@code Double.toString} picks, they are one of those decimals. Where that is not so (a
 * figure of 2^18 or more that is not a whole number, a whole number of 9e8 or more, a half-way point
 * within the double's precision), it asks the JDK. {@code TenDecimalPlacesTests} holds it to the
 * JDK's answer.
 */
final class TenDecimalPlaces {

	private static final long TEN_TO_TEN = 10_000_000_000L;

	static final long UNDECIDED = -1;

	// Below this, every decimal that reads back as the double is under half of 10^-10: zero.
	private static final double ROUNDS_TO_ZERO = 4e-11;

	// Whole numbers below this, times 10^10, fit a long; Double.toString gives their digits exactly.
	private static final double LARGEST_WHOLE = 9e8;

	private static final long IMPLICIT_BIT = 1L << 52;

	private TenDecimalPlaces() {
	}

	static BigDecimal of(double value) {
		long unscaled = unscaled(Math.abs(value));
		if (unscaled == UNDECIDED) {
			return BigDecimal.valueOf(value).setScale(10, RoundingMode.HALF_UP);
		}
		return BigDecimal.valueOf((value < 0) ? -unscaled : unscaled, 10);
	}

	// The magnitude in units of 10^-10, or UNDECIDED; NaN and infinities are undecided, so the JDK
	// refuses them as before.
	static long unscaled(double magnitude) {
		if (magnitude < ROUNDS_TO_ZERO) {
			return 0;
		}
		if (!(magnitude < LARGEST_WHOLE)) {
			return UNDECIDED;
		}
		if (magnitude == Math.rint(magnitude)) {
			return (long) magnitude * TEN_TO_TEN;
		}
		long bits = Double.doubleToRawLongBits(magnitude);
		int exponent = (int) (bits >>> 52) - 1075;
		long mantissa = (bits & (IMPLICIT_BIT - 1)) | IMPLICIT_BIT;
		// magnitude = mantissa * 2^exponent. Everything below is in quarters of its ulp, scaled by
		// 10^10, so that one unit of the tenth decimal place is 2^(2 - exponent) and half of one,
		// a "half step", is 2^shift. The decimals that read back as the double lie between the
		// midpoints to its neighbours: [x - gap, x + 2] quarter ulps, times 10^10 here, the gap 1 below
		// a power of two and 2 elsewhere.
		int shift = 1 - exponent;
		if (shift < 36) {
			// the double's precision is coarser than half a step (2^18 and above): undecided
			return UNDECIDED;
		}
		long scaledMantissa = mantissa << 2;
		long low = scaledMantissa * TEN_TO_TEN;
		long high = Math.multiplyHigh(scaledMantissa, TEN_TO_TEN);
		long below = ((mantissa == IMPLICIT_BIT) ? 1 : 2) * TEN_TO_TEN;
		long above = 2 * TEN_TO_TEN;
		long fromLow = low - below;
		long fromHigh = high - ((Long.compareUnsigned(low, below) < 0) ? 1 : 0);
		long toLow = low + above;
		long toHigh = high + ((Long.compareUnsigned(toLow, low) < 0) ? 1 : 0);
		// Neither bound falls on a half step, so the counts below place each strictly inside one. A
		// bound is (4 * mantissa - gap) or (4 * mantissa + 2) times 10^10, and it is a multiple of
		// 2^shift only if 2^(shift - 10), at least 2^26 here, divides (4 * mantissa +- gap), which has
		// at most one factor of two.
		long first = halfSteps(fromHigh, fromLow, shift);
		long last = halfSteps(toHigh, toLow, shift);
		if (first == last) {
			// no step and no midpoint among them: all round to the same step
			return (first + 1) >> 1;
		}
		if (last == first + 1 && (last & 1) == 0) {
			// one step among them and, the span being under half a step, every one rounds to it
			return last >> 1;
		}
		// a midpoint among them: the digits chosen decide
		return UNDECIDED;
	}

	// the 128-bit number high:low shifted right by shift (36 to 88 for the magnitudes that reach it):
	// a count of half steps
	private static long halfSteps(long high, long low, int shift) {
		if (shift >= 64) {
			return high >>> (shift - 64);
		}
		return (high << (64 - shift)) | (low >>> shift);
	}

}
