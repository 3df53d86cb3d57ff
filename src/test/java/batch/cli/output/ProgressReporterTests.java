package batch.cli.output;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import batch.operations.ExecutionReport.StepReport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The progress line and bar: counts, share done, rate and time left, where they are known.
 */
class ProgressReporterTests {

	private static StepReport step(long read, Long expected, double itemsPerSecond) {
		return new StepReport("calculateIllustrations", "STARTED", read, read, 0, 0, read / 1000, 0, read, expected, 0,
				OffsetDateTime.of(2026, 11, 23, 1, 0, 0, 0, ZoneOffset.UTC), null, 10, itemsPerSecond, 0, List.of(), null);
	}

	@Test
	void aLineSaysHowFarWithRateAndTimeLeft() {
		assertThat(ProgressReporter.line(step(120000, 200000L, 1000)))
			.isEqualTo("calculateIllustrations: 120000 of 200000 items (60.0%), 1000 items/s, 1m 20s left");
		assertThat(ProgressReporter.line(step(5000, null, 500)))
			.isEqualTo("calculateIllustrations: 5000 items, 500 items/s");
	}

	@Test
	void aBarFillsWithTheShareDone() {
		assertThat(ProgressReporter.bar(step(50, 100L, 10)))
			.isEqualTo("calculateIllustrations [############------------] 50/100  50% 10/s ETA 5s");
		assertThat(ProgressReporter.bar(step(0, 0L, 0))).contains("[########################] 0/0 100%")
			.doesNotContain("ETA");
	}

	@Test
	void durationsReadAsHoursMinutesSeconds() {
		assertThat(ProgressReporter.duration(Duration.ofSeconds(42))).isEqualTo("42s");
		assertThat(ProgressReporter.duration(Duration.ofSeconds(83))).isEqualTo("1m 23s");
		assertThat(ProgressReporter.duration(Duration.ofSeconds(7505))).isEqualTo("2h 05m");
	}

}
