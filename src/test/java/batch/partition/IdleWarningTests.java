package batch.partition;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How a manager says for how long no worker has taken a partition. */
class IdleWarningTests {

	@Test
	void inMinutesFromAMinuteAndInSecondsBelow() {
		assertThat(RemotePartitionHandler.spoken(Duration.ofSeconds(45))).isEqualTo("45 seconds");
		assertThat(RemotePartitionHandler.spoken(Duration.ofSeconds(1))).isEqualTo("1 second");
		assertThat(RemotePartitionHandler.spoken(Duration.ofSeconds(60))).isEqualTo("1 minute");
		assertThat(RemotePartitionHandler.spoken(Duration.ofSeconds(179))).isEqualTo("2 minutes");
		assertThat(RemotePartitionHandler.spoken(Duration.ofHours(12))).isEqualTo("720 minutes");
	}

}
