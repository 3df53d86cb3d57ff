package batch.testsupport;

import java.util.Map;

/**
 * The tests' own personal-data keys, random and for these tests only (the same as
 * src/test/resources/config/application.yml gives the application in the tests' JVM): a run on
 * MariaDB and a server refuse the built-in development keys.
 */
public final class TestKeys {

	private TestKeys() {
	}

	/** Adds the keys to a child process's environment, where it does not set its own. */
	public static void addTo(Map<String, String> environment) {
		environment.putIfAbsent("BATCH_PRIVACY_HASH_KEY", "A+f+UkAZtaX6X45Kva6XVEVrSGs4zSc156xqkedWiEU=");
		environment.putIfAbsent("BATCH_PRIVACY_ENCRYPTION_KEY_ID", "test");
		environment.putIfAbsent("BATCH_PRIVACY_ENCRYPTIONKEYS_TEST", "AwXF3yvswpx8wVX7LfIIOewx3IvflsPV4qb5Bwvay0Y=");
	}

}
