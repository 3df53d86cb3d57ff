package batch.web.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A bar chart laid out for inline SVG: each category a slot, each series a bar in it, side by
 * side, above the axis for positive values and below it for negative ones, with a few round
 * ticks. The template draws what this computes; no script and no chart library on the page.
 * Hand-written because it is a page of arithmetic: a chart library would bring a script to the
 * browser, or an image renderer to the server, for rectangles.
 */
record BarChart(String kind, String title, int width, int height, List<Bar> bars, List<Tick> ticks, List<Label> labels,
		double axisY, List<String> series) {

	static final int WIDTH = 960;

	static final int HEIGHT = 260;

	private static final double LEFT = 90;

	private static final double RIGHT = 10;

	private static final double TOP = 10;

	private static final double BOTTOM = 30;

	private static final int MOST_LABELS = 12;

	/** One bar: its place, its series (index, for its colour) and what it says on hover. */
	record Bar(double x, double y, double width, double height, int series, String text) {
	}

	record Tick(double y, String text) {
	}

	record Label(double x, String text) {
	}

	/**
	 * @param kind what the chart shows, for its colours: "ladder" or "distribution"
	 * @param categories the slots' labels, in order
	 * @param series the series' names
	 * @param values the value of each series in each category: values[series][category]
	 */
	static BarChart of(String kind, String title, List<String> categories, List<String> series, double[][] values,
			String unit) {
		double low = 0;
		double high = 0;
		for (double[] row : values) {
			for (double value : row) {
				low = Math.min(low, value);
				high = Math.max(high, value);
			}
		}
		if (low == high) {
			high = 1;
		}
		double step = niceStep((high - low) / 4);
		low = Math.floor(low / step) * step;
		high = Math.ceil(high / step) * step;
		double plotHeight = HEIGHT - TOP - BOTTOM;
		double scale = plotHeight / (high - low);
		double axis = TOP + high * scale;
		double slot = (WIDTH - LEFT - RIGHT) / Math.max(1, categories.size());
		double barWidth = Math.max(0.5, slot * 0.8 / series.size());
		List<Bar> bars = new ArrayList<>();
		for (int c = 0; c < categories.size(); c++) {
			for (int s = 0; s < series.size(); s++) {
				double value = values[s][c];
				if (value == 0) {
					continue;
				}
				double x = LEFT + c * slot + slot * 0.1 + s * barWidth;
				double length = Math.abs(value) * scale;
				double y = (value > 0) ? axis - length : axis;
				bars.add(new Bar(round(x), round(y), round(barWidth), round(Math.max(length, 0.5)), s,
						categories.get(c) + ", " + series.get(s) + ": " + number(value) + unit));
			}
		}
		List<Tick> ticks = new ArrayList<>();
		for (double tick = low; tick <= high + step / 2; tick += step) {
			ticks.add(new Tick(round(axis - tick * scale), number(tick) + unit));
		}
		List<Label> labels = new ArrayList<>();
		int every = Math.max(1, (int) Math.ceil(categories.size() / (double) MOST_LABELS));
		for (int c = 0; c < categories.size(); c += every) {
			labels.add(new Label(round(LEFT + c * slot + slot / 2), categories.get(c)));
		}
		return new BarChart(kind, title, WIDTH, HEIGHT, bars, ticks, labels, round(axis), series);
	}

	public double left() {
		return LEFT;
	}

	public double right() {
		return WIDTH - RIGHT;
	}

	public double labelY() {
		return HEIGHT - BOTTOM + 18;
	}

	// 1, 2 or 5 times a power of ten
	private static double niceStep(double rough) {
		double power = Math.pow(10, Math.floor(Math.log10(rough)));
		double fraction = rough / power;
		return ((fraction <= 1) ? 1 : (fraction <= 2) ? 2 : (fraction <= 5) ? 5 : 10) * power;
	}

	private static double round(double value) {
		return Math.round(value * 10) / 10.0;
	}

	// 1.2M, 350k, 12.5: short enough for an axis
	static String number(double value) {
		double size = Math.abs(value);
		if (size >= 1e9) {
			return String.format(Locale.ROOT, "%.1fG", value / 1e9);
		}
		if (size >= 1e6) {
			return String.format(Locale.ROOT, "%.1fM", value / 1e6);
		}
		if (size >= 1e4) {
			return String.format(Locale.ROOT, "%.0fk", value / 1e3);
		}
		return (value == Math.rint(value)) ? String.format(Locale.ROOT, "%.0f", value)
				: String.format(Locale.ROOT, "%.2f", value);
	}

}
