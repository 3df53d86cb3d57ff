package batch.writer;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link TenDecimalPlaces} against the JDK's own rounding of the double's decimal form, on the
 * figures a book has (money, rates, year fractions) and on the doubles where the answer is hardest:
 * next to a tenth-place step or a midpoint between two, at powers of two, at the edges of the range
 * it decides alone.
 */
class TenDecimalPlacesTests {

	private static final SplittableRandom RANDOM = new SplittableRandom(20261206);

	private static BigDecimal jdk(double value) {
		return BigDecimal.valueOf(value).setScale(10, RoundingMode.HALF_UP);
	}

	// the same value and scale as the JDK gives, for the value and its negation; how many of the
	// two the fast path decided alone
	private static int check(double value) {
		int decided = 0;
		for (double signed : new double[] { value, -value }) {
			BigDecimal expected = jdk(signed);
			assertThat(TenDecimalPlaces.of(signed)).as("%s (%s)", signed, Double.toString(signed)).isEqualTo(expected);
			long unscaled = TenDecimalPlaces.unscaled(Math.abs(signed));
			if (unscaled != TenDecimalPlaces.UNDECIDED) {
				assertThat(unscaled).as("%s", signed).isEqualTo(expected.abs().unscaledValue().longValueExact());
				decided++;
			}
		}
		return decided;
	}

	private static int checkMany(int count, DoubleSupplier values) {
		int decided = 0;
		for (int i = 0; i < count; i++) {
			decided += check(values.getAsDouble());
		}
		return decided;
	}

	@Test
	void moneyAsABookHasIt() {
		// cents, and products of amounts, rates and year fractions as the engines make them; below
		// 2^18 a figure in cents is decided alone, above it only a whole number is
		int cents = checkMany(100_000, () -> RANDOM.nextLong(0, 26_214_400) / 100.0);
		checkMany(100_000, () -> RANDOM.nextLong(0, 100_000_000_000L) / 100.0);
		int products = checkMany(100_000,
				() -> RANDOM.nextLong(1, 50_000_000) / 100.0 * (RANDOM.nextInt(1, 2000) / 10_000.0)
						* (RANDOM.nextInt(1, 366) / 360.0));
		// most of these are decided without the JDK: the point of the class
		assertThat(cents).isEqualTo(2 * 100_000);
		assertThat(products).isGreaterThan(2 * 100_000 * 8 / 10);
	}

	@Test
	void ratesAndSmallFigures() {
		int decided = checkMany(100_000, () -> RANDOM.nextInt(0, 200_000) / 1_000_000.0);
		assertThat(decided).isGreaterThan(2 * 100_000 * 9 / 10);
		checkMany(100_000, () -> Math.pow(10, RANDOM.nextDouble(-14, -6)));
	}

	@Test
	void everyMagnitudeTheRangeHolds() {
		checkMany(300_000, () -> Math.pow(10, RANDOM.nextDouble(-12, 10)));
		checkMany(100_000, () -> Double.longBitsToDouble(RANDOM.nextLong(Double.doubleToRawLongBits(1e-12),
				Double.doubleToRawLongBits(1e10))));
	}

	@Test
	void besideStepsAndMidpoints() {
		// (k + 0.5) * 10^-10 and k * 10^-10 for k at every scale up to 2^18, and the doubles next to them
		int decided = 0;
		for (int i = 0; i < 100_000; i++) {
			long step = (long) Math.pow(10, RANDOM.nextDouble(0, 15.5));
			for (double point : new double[] { (step + 0.5) / 1e10, step / 1e10, step * 1e-10,
					new BigDecimal(step).add(BigDecimal.valueOf(5, 1)).movePointLeft(10).doubleValue() }) {
				decided += check(point);
				decided += check(Math.nextUp(point));
				decided += check(Math.nextDown(point));
			}
		}
		assertThat(decided).isPositive();
	}

	@Test
	void powersOfTwoAndTheEdges() {
		for (int power = -40; power <= 33; power++) {
			double two = Math.scalb(1.0, power);
			for (double value : new double[] { two, Math.nextUp(two), Math.nextDown(two), two * 1.5, two * 3 }) {
				check(value);
			}
		}
		for (double edge : new double[] { 0.0, Double.MIN_VALUE, Double.MIN_NORMAL, 4e-11, 5e-11, 1e-10, 1.5e-10,
				262_144.0, 262_143.99999999997, 9e8, 899_999_999.0, 899_999_999.5, 1e15, 1e300 }) {
			check(edge);
			check(Math.nextUp(edge));
			check(Math.nextDown(edge));
		}
		assertThat(TenDecimalPlaces.of(-0.0)).isEqualTo(BigDecimal.valueOf(0, 10));
	}

	@Test
	void wholeNumbers() {
		int decided = checkMany(200_000, () -> RANDOM.nextLong(0, 900_000_000));
		checkMany(100_000, () -> RANDOM.nextLong(0, 1L << 53));
		assertThat(decided).isEqualTo(2 * 200_000);
	}

	@Test
	void notANumberIsRefusedAsTheJdkRefusesIt() {
		for (double value : new double[] { Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY }) {
			assertThatThrownBy(() -> TenDecimalPlaces.of(value)).isInstanceOf(NumberFormatException.class);
		}
	}

}
