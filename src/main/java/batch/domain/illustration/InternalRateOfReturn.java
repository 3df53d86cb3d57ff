package batch.domain.illustration;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The yield r of premiums AP at the start of each premium year against a maturity benefit MB at
 * the end of year PT: sum_{t=1..PPT} AP (1 + r)^-(t-1) = MB (1 + r)^-PT, found by bisection on
 * [-0.99, 1.0] and reported as r4(r).
 * <p>
 * The bisection runs in binary floating point, to 1e-13. Only where the root is that close to a
 * rounding boundary of r4 could the last digit depend on it; there the side of the boundary is
 * decided exactly, in decimal.
 */
final class InternalRateOfReturn {

	private static final double LOWER = -0.99;

	private static final double UPPER = 1.0;

	private static final double TOLERANCE = 1e-13;

	private static final BigDecimal HALF_STEP = new BigDecimal("0.00005");

	private static final BigDecimal NEAR = new BigDecimal("1e-9");

	private InternalRateOfReturn() {
	}

	/**
	 * @return r4(r), or null when the maturity benefit is not positive or the root is outside the
	 * bracket
	 */
	public static BigDecimal of(BigDecimal annualPremium, int premiumPayingTerm, int term,
			BigDecimal maturityBenefit) {
		if (maturityBenefit.signum() <= 0) {
			return null;
		}
		double premium = annualPremium.doubleValue();
		double benefit = maturityBenefit.doubleValue();
		double low = LOWER;
		double high = UPPER;
		double valueAtLow = surplus(low, premium, premiumPayingTerm, term, benefit);
		if (valueAtLow * surplus(high, premium, premiumPayingTerm, term, benefit) > 0) {
			return null;
		}
		while (high - low > TOLERANCE) {
			double middle = (low + high) / 2;
			double valueAtMiddle = surplus(middle, premium, premiumPayingTerm, term, benefit);
			if (valueAtMiddle == 0) {
				low = middle;
				high = middle;
			}
			else if ((valueAtMiddle < 0) == (valueAtLow < 0)) {
				low = middle;
				valueAtLow = valueAtMiddle;
			}
			else {
				high = middle;
			}
		}
		BigDecimal root = BigDecimal.valueOf((low + high) / 2);
		BigDecimal rounded = root.setScale(4, RoundingMode.HALF_UP);
		for (BigDecimal boundary : new BigDecimal[] { rounded.subtract(HALF_STEP), rounded.add(HALF_STEP) }) {
			if (root.subtract(boundary).abs().compareTo(NEAR) < 0) {
				return roundedAtBoundary(boundary, annualPremium, premiumPayingTerm, term, maturityBenefit);
			}
		}
		return rounded;
	}

	// Present value of the premiums less that of the maturity benefit, both discounted to the start.
	private static double surplus(double rate, double premium, int premiumPayingTerm, int term, double benefit) {
		double discount = 1 / (1 + rate);
		double premiums = 0;
		double factor = 1;
		for (int t = 1; t <= premiumPayingTerm; t++) {
			premiums += premium * factor;
			factor *= discount;
		}
		return premiums - benefit * Math.pow(discount, term);
	}

	// h(b) = sum AP (1 + b)^(PT - t + 1) - MB, the equation times (1 + b)^PT, is exact in decimal
	// and increases with b: its sign says on which side of b the root lies.
	private static BigDecimal roundedAtBoundary(BigDecimal boundary, BigDecimal annualPremium, int premiumPayingTerm,
			int term, BigDecimal maturityBenefit) {
		BigDecimal growth = BigDecimal.ONE.add(boundary);
		BigDecimal accumulated = BigDecimal.ZERO;
		for (int t = 1; t <= premiumPayingTerm; t++) {
			accumulated = accumulated.add(annualPremium.multiply(growth.pow(term - t + 1)));
		}
		int side = accumulated.subtract(maturityBenefit).signum();
		boolean rootAbove = side < 0 || (side == 0 && boundary.signum() > 0);
		return (rootAbove ? boundary.add(HALF_STEP) : boundary.subtract(HALF_STEP)).setScale(4);
	}

}
