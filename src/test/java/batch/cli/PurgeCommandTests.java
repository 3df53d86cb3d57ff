package batch.cli;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

import batch.operations.MetadataPurge;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * How old a run must be for purge: a number and a unit; and the summary line scripts read.
 */
class PurgeCommandTests {

	@Test
	void purgeAgesHaveAUnit() {
		assertThat(PurgeCommand.age("30d")).isEqualTo(Duration.ofDays(30));
		assertThat(PurgeCommand.age("2w")).isEqualTo(Duration.ofDays(14));
		assertThat(PurgeCommand.age("36h")).isEqualTo(Duration.ofHours(36));
		assertThat(PurgeCommand.age("90m")).isEqualTo(Duration.ofMinutes(90));
	}

	@Test
	void anAgeWithoutAUnitOrOfZeroIsBadUsage() {
		for (String age : new String[] { "30", "0d", "thirty days", "-1d", "99999999999999999999d", "9999999999999w" }) {
			assertThatExceptionOfType(CliException.class).isThrownBy(() -> PurgeCommand.age(age))
				.satisfies((ex) -> assertThat(ex.exitCode()).isEqualTo(ExitCodes.USAGE));
		}
	}

	@Test
	void theSummaryLineSaysWhatWasDeletedAndWhatWasKept() {
		MetadataPurge.PurgedExecution one = new MetadataPurge.PurgedExecution(7, "illustrationJob", BatchStatus.COMPLETED,
				LocalDateTime.of(2026, 1, 2, 3, 4, 5));

		assertThat(PurgeCommand.summary(new MetadataPurge.PurgeReport(1, List.of(one), 0, 0), "30d", false))
			.isEqualTo("deleted 1 runs (1 executions) that ended more than 30d ago");
		assertThat(PurgeCommand.summary(new MetadataPurge.PurgeReport(1, List.of(one), 2, 3), "1m", true))
			.isEqualTo("would delete 1 runs (1 executions) that ended more than 1m ago; kept 2 still marked running "
					+ "(recover them first); kept 3 that can still be restarted (--include-restartable deletes them)");
	}

}
