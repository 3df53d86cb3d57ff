package batch.database;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * H2's auto-server listens on the loopback interface unless the operator said otherwise.
 */
class EmbeddedDatabaseAddressTests {

	private String before;

	@BeforeEach
	void keep() {
		this.before = System.getProperty(EmbeddedDatabaseAddress.PROPERTY);
	}

	@AfterEach
	void restore() {
		if (this.before == null) {
			System.clearProperty(EmbeddedDatabaseAddress.PROPERTY);
		}
		else {
			System.setProperty(EmbeddedDatabaseAddress.PROPERTY, this.before);
		}
	}

	@Test
	void unsetItBecomesTheLoopbackAddress() {
		System.clearProperty(EmbeddedDatabaseAddress.PROPERTY);

		EmbeddedDatabaseAddress.keepOnLoopback();

		assertThat(System.getProperty(EmbeddedDatabaseAddress.PROPERTY)).isEqualTo("127.0.0.1");
	}

	@Test
	void theOperatorsChoiceStaysEvenEmpty() {
		for (String chosen : new String[] { "10.0.0.5", "" }) {
			System.setProperty(EmbeddedDatabaseAddress.PROPERTY, chosen);

			EmbeddedDatabaseAddress.keepOnLoopback();

			assertThat(System.getProperty(EmbeddedDatabaseAddress.PROPERTY)).isEqualTo(chosen);
		}
	}

}
