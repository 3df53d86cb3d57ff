package batch.web.console;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import batch.web.console.ConsoleQueries.MonthFlow;
import batch.web.console.ConsoleQueries.Returns;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The charts' layout: bars inside the plot, on the right side of the axis, sized by value. */
class ConsoleChartsTests {

	@Test
	void aLadderHasAChartPerCurrencyAndEveryMonthBetweenTheFirstAndTheLast() {
		List<MonthFlow> flows = List.of(flow("EUR", 2026, 11, 500, -2000), flow("EUR", 2027, 2, 300, 0),
				flow("USD", 2026, 12, 100, -50));

		List<BarChart> charts = ConsoleCharts.ladders(flows);

		assertThat(charts).extracting(BarChart::title).containsExactly("EUR, by month", "USD, by month");
		BarChart eur = charts.get(0);
		// 2026-11 to 2027-02: four months, the two without flows drawn as nothing
		assertThat(eur.bars()).hasSize(3);
		assertThat(eur.labels()).extracting(BarChart.Label::text)
			.containsExactly("2026-11", "2026-12", "2027-01", "2027-02");
		BarChart.Bar received = eur.bars().get(0);
		BarChart.Bar paid = eur.bars().get(1);
		assertThat(received.y() + received.height()).isCloseTo(eur.axisY(), within(0.2));
		assertThat(paid.y()).isEqualTo(eur.axisY());
		assertThat(paid.height() / received.height()).isCloseTo(4.0, within(0.01));
		for (BarChart.Bar bar : eur.bars()) {
			assertThat(bar.x()).isBetween(eur.left(), eur.right());
			assertThat(bar.y()).isGreaterThanOrEqualTo(0);
			assertThat(bar.y() + bar.height()).isLessThanOrEqualTo(eur.height());
		}
		assertThat(eur.bars().get(0).text()).isEqualTo("2026-11, received: 500");
	}

	@Test
	void moreThanTwentyYearsOfMonthsAreShownByYear() {
		List<MonthFlow> flows = new ArrayList<>();
		for (int year = 2026; year <= 2056; year++) {
			flows.add(flow("USD", year, 6, 100, -10));
			flows.add(flow("USD", year, 12, 100, -10));
		}

		BarChart chart = ConsoleCharts.ladders(flows).get(0);

		assertThat(chart.title()).isEqualTo("USD, by year");
		assertThat(chart.bars()).hasSize(31 * 2);
		assertThat(chart.bars().get(0).text()).isEqualTo("2026, received: 200");
	}

	@Test
	void returnsAreCountedInHalfPointsAtFourAndEightPercent() {
		List<Returns> returns = List.of(returns("TERM", "0.0230", "0.0588"), returns("TERM", "0.0249", "0.0551"),
				returns("ULIP", "-0.0100", "0.0100"));

		List<BarChart> charts = ConsoleCharts.returns(returns);

		assertThat(charts).extracting(BarChart::title).containsExactly("TERM, 2 policies", "ULIP, 1 policies");
		BarChart term = charts.get(0);
		assertThat(term.bars()).extracting(BarChart.Bar::text)
			.containsExactly("2.0%, at 4%: 2", "5.5%, at 8%: 2");
	}

	private static MonthFlow flow(String currency, int year, int month, double in, double out) {
		return new MonthFlow(currency, year, month, BigDecimal.valueOf(in), BigDecimal.valueOf(out));
	}

	private static Returns returns(String product, String at4, String at8) {
		return new Returns(product, new BigDecimal(at4), new BigDecimal(at8));
	}

}
