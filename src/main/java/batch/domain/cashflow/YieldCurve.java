package batch.domain.cashflow;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * A zero curve of one currency: annually compounded zero rates on Actual/365 Fixed at standard
 * tenors, discount factors interpolated log-linearly between pillars and extrapolated flat in the
 * zero rate outside them (spec "Present value"). Immutable.
 */
public final class YieldCurve {

	private static final Map<String, Double> TENORS = Map.ofEntries(Map.entry("1M", 1.0 / 12), Map.entry("3M", 0.25),
			Map.entry("6M", 0.5), Map.entry("1Y", 1.0), Map.entry("2Y", 2.0), Map.entry("3Y", 3.0), Map.entry("5Y", 5.0),
			Map.entry("7Y", 7.0), Map.entry("10Y", 10.0), Map.entry("15Y", 15.0), Map.entry("20Y", 20.0),
			Map.entry("30Y", 30.0));

	private final double[] times;

	private final double[] zeroRates;

	private final double[] logDiscounts;

	private YieldCurve(double[] times, double[] zeroRates) {
		this.times = times;
		this.zeroRates = zeroRates;
		this.logDiscounts = new double[times.length];
		for (int i = 0; i < times.length; i++) {
			this.logDiscounts[i] = -times[i] * Math.log1p(zeroRates[i]);
		}
	}

	/** The year fraction of a tenor (1M = 1/12, 3M = 0.25, ... 30Y = 30), or null. */
	public static Double tenor(String tenor) {
		return TENORS.get(tenor);
	}

	/**
	 * @param zeroRates zero rate by tenor; at least one
	 * @throws IllegalArgumentException for an unknown tenor or an empty curve
	 */
	public static YieldCurve of(Map<String, Double> zeroRates) {
		if (zeroRates.isEmpty()) {
			throw new IllegalArgumentException("a curve needs at least one pillar");
		}
		TreeMap<Double, Double> pillars = new TreeMap<>();
		zeroRates.forEach((tenor, rate) -> {
			Double time = TENORS.get(tenor);
			if (time == null) {
				throw new IllegalArgumentException("unknown tenor " + tenor);
			}
			pillars.put(time, rate);
		});
		double[] times = new double[pillars.size()];
		double[] rates = new double[pillars.size()];
		int i = 0;
		for (Map.Entry<Double, Double> pillar : pillars.entrySet()) {
			times[i] = pillar.getKey();
			rates[i++] = pillar.getValue();
		}
		return new YieldCurve(times, rates);
	}

	/** The discount factor {@code tau} years from the valuation date. */
	public double discountFactor(double tau) {
		int last = this.times.length - 1;
		if (tau <= this.times[0]) {
			return Math.pow(1 + this.zeroRates[0], -tau);
		}
		if (tau >= this.times[last]) {
			return Math.pow(1 + this.zeroRates[last], -tau);
		}
		int upper = Arrays.binarySearch(this.times, tau);
		if (upper >= 0) {
			return Math.exp(this.logDiscounts[upper]);
		}
		upper = -upper - 1;
		int lower = upper - 1;
		double weight = (tau - this.times[lower]) / (this.times[upper] - this.times[lower]);
		return Math.exp(this.logDiscounts[lower] + weight * (this.logDiscounts[upper] - this.logDiscounts[lower]));
	}

}
