package batch.database;

import com.mysql.cj.ServerVersion;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * MariaDB is known by its greeting, which MySQL's never has.
 */
class MariaDbFractionalSecondsTests {

	@Test
	void mariaDbGreetsAs555() {
		assertThat(MariaDbFractionalSeconds.isMariaDb(ServerVersion.parseVersion("5.5.5-10.11.19-MariaDB-0+deb12u1")))
			.isTrue();
		assertThat(MariaDbFractionalSeconds.isMariaDb(ServerVersion.parseVersion("8.0.36"))).isFalse();
		assertThat(MariaDbFractionalSeconds.isMariaDb(ServerVersion.parseVersion("5.5.5"))).isFalse();
		assertThat(MariaDbFractionalSeconds.isMariaDb(null)).isFalse();
	}

}
