package batch.domain.cashflow;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Market data from observations: a value on each observed date per market object, read as the
 * value at a date or the latest before it. Immutable once built and safe to share.
 */
public final class ObservedMarketData implements MarketData {

	private final Map<String, Series> series;

	private ObservedMarketData(Map<String, Series> series) {
		this.series = series;
	}

	public static Builder builder() {
		return new Builder();
	}

	@Override
	public double valueAt(String marketObjectCode, long moment) {
		Series observed = this.series.get(marketObjectCode);
		int index = (observed != null) ? observed.latestAtOrBefore(moment) : -1;
		if (index < 0) {
			throw new ContractRejectedException(CashFlowRejectReason.MISSING_MARKET_DATA,
					"no observation of " + marketObjectCode + " at or before " + Moments.toLocalDate(moment));
		}
		return observed.values[index];
	}

	/** Collects observations in any order. */
	public static final class Builder {

		private final Map<String, List<double[]>> observations = new HashMap<>();

		public Builder observe(String marketObjectCode, LocalDateTime time, double value) {
			this.observations.computeIfAbsent(marketObjectCode, (code) -> new ArrayList<>())
				.add(new double[] { Moments.of(time), value });
			return this;
		}

		public ObservedMarketData build() {
			Map<String, Series> series = new HashMap<>();
			this.observations.forEach((code, points) -> series.put(code, Series.of(points)));
			return new ObservedMarketData(Map.copyOf(series));
		}

	}

	private record Series(long[] moments, double[] values) {

		static Series of(List<double[]> points) {
			double[][] sorted = points.toArray(double[][]::new);
			Arrays.sort(sorted, (a, b) -> Double.compare(a[0], b[0]));
			long[] moments = new long[sorted.length];
			double[] values = new double[sorted.length];
			for (int i = 0; i < sorted.length; i++) {
				moments[i] = (long) sorted[i][0];
				values[i] = sorted[i][1];
			}
			return new Series(moments, values);
		}

		int latestAtOrBefore(long moment) {
			int found = Arrays.binarySearch(this.moments, moment);
			if (found >= 0) {
				while (found + 1 < this.moments.length && this.moments[found + 1] == moment) {
					found++;
				}
				return found;
			}
			return -found - 2;
		}

	}

}
