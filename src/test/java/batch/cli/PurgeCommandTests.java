package batch.cli;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * How old a run must be for purge: a number and a unit.
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

}
