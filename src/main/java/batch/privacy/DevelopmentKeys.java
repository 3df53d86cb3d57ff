package batch.privacy;

import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/** Whether the development keys would be used, and where they may be. */
public final class DevelopmentKeys {

	private final PrivacyProperties properties;

	private final Environment environment;

	private final boolean serving;

	DevelopmentKeys(PrivacyProperties properties, Environment environment, boolean serving) {
		this.properties = properties;
		this.environment = environment;
		this.serving = serving;
	}

	/** Whether a key is not configured, so that a development key would stand in. */
	public boolean needed() {
		return this.properties.hashKey() == null || this.properties.hashKey().isBlank()
				|| this.properties.encryptionKeys().isEmpty();
	}

	boolean serving() {
		return this.serving;
	}

	/**
	 * @throws IllegalStateException outside the dev profile, where this process serves or its
	 * database is not the embedded one
	 */
	public void refuseOutsideDevelopment() {
		if (this.environment.acceptsProfiles(Profiles.of("dev"))) {
			return;
		}
		String url = this.environment.getProperty("spring.datasource.url", "");
		boolean embedded = url.startsWith("jdbc:h2:");
		if (this.serving || !embedded) {
			throw new IllegalStateException("the personal data keys are not set, and the built-in development keys "
					+ "are refused " + (this.serving ? "by a server or worker" : "on a MySQL or MariaDB database")
					+ ": " + PrivacyConfiguration.HOW_TO_MAKE_KEYS);
		}
	}

}
