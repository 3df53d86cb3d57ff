package batch.web.console;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import batch.web.console.ConsoleQueries.MonthFlow;
import batch.web.console.ConsoleQueries.Returns;

/** The console's charts: a cash-flow ladder per currency, IRR distributions per product. */
final class ConsoleCharts {

	// beyond twenty years of months the bars get thinner than a pixel: years instead
	private static final int MOST_MONTHS = 240;

	// IRRs in buckets of half a percentage point
	private static final double BUCKET = 0.005;

	private ConsoleCharts() {
	}

	/**
	 * One chart per currency (v1 converts none): what the portfolio receives and pays each month,
	 * every month from the first to the last, or each year when that is more than twenty years.
	 */
	static List<BarChart> ladders(List<MonthFlow> flows) {
		Map<String, List<MonthFlow>> byCurrency = new TreeMap<>();
		for (MonthFlow flow : flows) {
			byCurrency.computeIfAbsent(flow.currency(), (currency) -> new ArrayList<>()).add(flow);
		}
		List<BarChart> charts = new ArrayList<>();
		byCurrency.forEach((currency, months) -> charts.add(ladder(currency, months)));
		return charts;
	}

	private static BarChart ladder(String currency, List<MonthFlow> months) {
		int first = index(months.get(0));
		int last = index(months.get(months.size() - 1));
		boolean yearly = last - first + 1 > MOST_MONTHS;
		int start = yearly ? months.get(0).year() : first;
		int slots = yearly ? months.get(months.size() - 1).year() - start + 1 : last - first + 1;
		double[][] values = new double[2][slots];
		for (MonthFlow flow : months) {
			int slot = (yearly ? flow.year() : index(flow)) - start;
			values[0][slot] += flow.in().doubleValue();
			values[1][slot] += flow.out().doubleValue();
		}
		List<String> categories = new ArrayList<>();
		for (int slot = 0; slot < slots; slot++) {
			int at = start + slot;
			categories.add(yearly ? Integer.toString(at)
					: String.format(Locale.ROOT, "%04d-%02d", Math.floorDiv(at, 12), Math.floorMod(at, 12) + 1));
		}
		return BarChart.of("ladder", currency + (yearly ? ", by year" : ", by month"), categories,
				List.of("received", "paid"), values, "");
	}

	private static int index(MonthFlow flow) {
		return flow.year() * 12 + flow.month() - 1;
	}

	/** One chart per product: how many policies have their IRR in each half point, at 4% and at 8%. */
	static List<BarChart> returns(List<Returns> returns) {
		Map<String, List<Returns>> byProduct = new TreeMap<>();
		for (Returns policy : returns) {
			byProduct.computeIfAbsent(policy.product(), (product) -> new ArrayList<>()).add(policy);
		}
		List<BarChart> charts = new ArrayList<>();
		byProduct.forEach((product, policies) -> charts.add(distribution(product, policies)));
		return charts;
	}

	private static BarChart distribution(String product, List<Returns> policies) {
		int low = Integer.MAX_VALUE;
		int high = Integer.MIN_VALUE;
		for (Returns policy : policies) {
			low = Math.min(low, Math.min(bucket(policy.at4()), bucket(policy.at8())));
			high = Math.max(high, Math.max(bucket(policy.at4()), bucket(policy.at8())));
		}
		double[][] counts = new double[2][high - low + 1];
		for (Returns policy : policies) {
			counts[0][bucket(policy.at4()) - low]++;
			counts[1][bucket(policy.at8()) - low]++;
		}
		List<String> categories = new ArrayList<>();
		for (int bucket = low; bucket <= high; bucket++) {
			categories.add(String.format(Locale.ROOT, "%.1f%%", bucket * BUCKET * 100));
		}
		return BarChart.of("distribution", product + ", " + policies.size() + " policies", categories, List.of("at 4%", "at 8%"),
				counts, "");
	}

	private static int bucket(BigDecimal irr) {
		return (int) Math.floor(irr.doubleValue() / BUCKET);
	}

}
