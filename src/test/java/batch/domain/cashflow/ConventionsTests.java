package batch.domain.cashflow;

import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Day counts, business days, end of month and cycles, each against hand-computed cases.
 */
class ConventionsTests {

	@Test
	void civilDatesAgreeWithJavaTimeFrom1900To2200() {
		for (long day = LocalDate.of(1900, 1, 1).toEpochDay(); day <= LocalDate.of(2200, 12, 31).toEpochDay(); day++) {
			LocalDate date = LocalDate.ofEpochDay(day);
			int civil = Moments.civil(day);
			assertThat(Moments.year(civil) * 10_000 + Moments.month(civil) * 100 + Moments.day(civil))
				.isEqualTo(date.getYear() * 10_000 + date.getMonthValue() * 100 + date.getDayOfMonth());
			assertThat(Moments.epochDayOf(date.getYear(), date.getMonthValue(), date.getDayOfMonth())).isEqualTo(day);
			assertThat(Moments.dayOfWeek(day)).isEqualTo(date.getDayOfWeek().getValue() - 1);
		}
	}

	@ParameterizedTest(name = "{0} {1} -> {2}: {3}")
	@CsvSource({
			// A365, A360: actual days
			"A365, 2013-01-01, 2013-02-01, 0.0849315068493151", "A360, 2013-01-01, 2013-02-01, 0.0861111111111111",
			// AA (ISDA): 17 days of 2011 over 365, 74 of 2012 over 366
			"AA, 2011-12-15, 2012-03-15, 0.2487611348154802", "AA, 2012-01-01, 2013-01-01, 1.0",
			"AA, 2011-06-30, 2013-06-30, 2.0", "AA, 2012-02-01, 2012-03-01, 0.0792349726775956",
			// 30E360: the 31st counts as the 30th, February's end stays
			"30E360, 2013-01-31, 2013-02-28, 0.0777777777777778", "30E360, 2013-02-28, 2013-03-31, 0.0888888888888889",
			"30E360, 2013-08-31, 2013-09-30, 0.0833333333333333", "30E360, 2013-01-15, 2014-01-15, 1.0",
			// 30E360ISDA: every month end counts as the 30th
			"30E360ISDA, 2013-02-28, 2013-03-31, 0.0833333333333333",
			"30E360ISDA, 2012-02-29, 2012-08-31, 0.5" })
	void yearFractions(String convention, LocalDate from, LocalDate to, double expected) {
		assertThat(DayCountConvention.ofAcronym(convention).yearFraction(Moments.of(from), Moments.of(to), Moments.NONE))
			.isCloseTo(expected, within(1e-12));
	}

	@Test
	void thirtyE360IsdaKeepsAFebruaryMaturityDay() {
		long start = Moments.of(LocalDate.of(2013, 1, 31));
		long maturity = Moments.of(LocalDate.of(2013, 2, 28));

		// at maturity in February the 28th stays the 28th: (28 - 30) + 30 days
		assertThat(DayCountConvention.E30_360_ISDA.yearFraction(start, maturity, maturity))
			.isCloseTo(28.0 / 360, within(1e-15));
		assertThat(DayCountConvention.E30_360_ISDA.yearFraction(start, maturity, Moments.NONE)).isCloseTo(30.0 / 360,
				within(1e-15));
	}

	@Test
	void endOfDayCountsAsTheNextMidnight() {
		long start = Moments.of(LocalDateTime.of(2013, 7, 1, 0, 0));
		long endOfDay = Moments.of(LocalDateTime.of(2013, 7, 1, 23, 59, 59));

		assertThat(DayCountConvention.A365.yearFraction(start, endOfDay, Moments.NONE)).isEqualTo(1 / 365.0);
	}

	@ParameterizedTest(name = "{0} on {1} -> {2} (calculated {3})")
	@CsvSource({
			// Saturday 2013-03-30: following crosses into April, so modified following goes back
			"SCF, 2013-03-30, 2013-04-01, 2013-04-01", "SCMF, 2013-03-30, 2013-03-29, 2013-03-29",
			"CSF, 2013-03-30, 2013-04-01, 2013-03-30", "CSMF, 2013-03-30, 2013-03-29, 2013-03-30",
			// Sunday 2013-06-02: preceding crosses into May, so modified preceding goes forward
			"SCP, 2013-06-02, 2013-05-31, 2013-05-31", "SCMP, 2013-06-02, 2013-06-03, 2013-06-03",
			"CSP, 2013-06-02, 2013-05-31, 2013-06-02", "CSMP, 2013-06-02, 2013-06-03, 2013-06-02",
			"NOS, 2013-06-02, 2013-06-02, 2013-06-02",
			// a business day does not move
			"SCF, 2013-06-03, 2013-06-03, 2013-06-03" })
	void businessDayShifts(BusinessDayConvention convention, LocalDate scheduled, LocalDate shifted,
			LocalDate calculated) {
		long time = Moments.of(scheduled);

		assertThat(Moments.toLocalDate(convention.shift(time, BusinessCalendar.MF))).isEqualTo(shifted);
		assertThat(Moments.toLocalDate(convention.calculationTime(time, BusinessCalendar.MF))).isEqualTo(calculated);
		assertThat(convention.shift(time, BusinessCalendar.NC)).isEqualTo(time);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "P1ML0, 1, 0, true", "P3ML1, 3, 0, false", "P1YL0, 12, 0, true", "P6M, 6, 0, false",
			"P27DL1, 0, 27, false", "P2WL0, 0, 14, true", "P1QL1, 3, 0, false", "P1HL0, 6, 0, true" })
	void cycles(String text, int months, int days, boolean longStub) {
		assertThat(Cycle.parse(text)).isEqualTo(new Cycle(months, days, longStub));
	}

	@ParameterizedTest
	@CsvSource({ "1M", "P0ML0", "P1XL0", "P1ML2", "PML0", "P-1ML1", "P+1ML1", "P01ML1", "P\u0661YL1", "P\uFF11ML1" })
	void notCycles(String text) {
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> Cycle.parse(text));
	}

	@Test
	void schedulesFromAMonthEndFollowTheConvention() {
		long anchor = Moments.of(LocalDate.of(2013, 4, 30));
		long end = Moments.of(LocalDate.of(2013, 8, 31));

		assertThat(dates(Schedule.of(anchor, Cycle.parse("P1ML1"), end, EndOfMonthConvention.SD, true)))
			.containsExactly("2013-04-30", "2013-05-30", "2013-06-30", "2013-07-30", "2013-08-30", "2013-08-31");
		assertThat(dates(Schedule.of(anchor, Cycle.parse("P1ML1"), end, EndOfMonthConvention.EOM, true)))
			.containsExactly("2013-04-30", "2013-05-31", "2013-06-30", "2013-07-31", "2013-08-31");
		// each time from the anchor: January 31st + 2 months is March 31st, not the 28th
		assertThat(dates(Schedule.of(Moments.of(LocalDate.of(2013, 1, 31)), Cycle.parse("P1ML1"),
				Moments.of(LocalDate.of(2013, 4, 1)), EndOfMonthConvention.SD, false)))
			.containsExactly("2013-01-31", "2013-02-28", "2013-03-31");
	}

	@Test
	void aLongStubMergesTheLastIrregularPeriod() {
		long anchor = Moments.of(LocalDate.of(2013, 1, 30));
		long end = Moments.of(LocalDate.of(2013, 5, 15));

		assertThat(dates(Schedule.of(anchor, Cycle.parse("P1ML0"), end, EndOfMonthConvention.SD, true)))
			.containsExactly("2013-01-30", "2013-02-28", "2013-03-30", "2013-05-15");
		assertThat(dates(Schedule.of(anchor, Cycle.parse("P1ML1"), end, EndOfMonthConvention.SD, true)))
			.containsExactly("2013-01-30", "2013-02-28", "2013-03-30", "2013-04-30", "2013-05-15");
		// an end on the cycle needs no stub
		assertThat(dates(Schedule.of(anchor, Cycle.parse("P1ML0"), Moments.of(LocalDate.of(2013, 4, 30)),
				EndOfMonthConvention.SD, true)))
			.containsExactly("2013-01-30", "2013-02-28", "2013-03-30", "2013-04-30");
	}

	@Test
	void withoutACycleOnlyTheAnchorAndTheEnd() {
		long anchor = Moments.of(LocalDate.of(2013, 1, 30));
		long end = Moments.of(LocalDate.of(2014, 1, 30));

		assertThat(dates(Schedule.of(anchor, null, end, EndOfMonthConvention.SD, true))).containsExactly("2013-01-30",
				"2014-01-30");
		assertThat(dates(Schedule.of(Moments.NONE, null, end, EndOfMonthConvention.SD, true)))
			.containsExactly("2014-01-30");
		assertThat(Schedule.of(Moments.NONE, null, end, EndOfMonthConvention.SD, false)).isEmpty();
	}

	private static String[] dates(long[] times) {
		String[] dates = new String[times.length];
		for (int i = 0; i < times.length; i++) {
			dates[i] = Moments.toLocalDate(times[i]).toString();
		}
		return dates;
	}

}
