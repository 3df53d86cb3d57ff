package batch.privacy;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;

/**
 * Builds the {@link PersonalDataProtector} from configured keys. The built-in development keys are
 * in the source and protect nothing: they serve a first run on the embedded database and the
 * {@code dev} profile, with a warning, when the data is protected (an import, a lookup), and
 * nowhere else. {@code serve}, {@code worker} and any run on a MySQL or MariaDB database refuse to
 * start without real keys.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PrivacyProperties.class)
class PrivacyConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(PrivacyConfiguration.class);

	// Development keys: public, in the source. Real deployments configure their own.
	private static final String DEVELOPMENT_HASH_KEY = "ZGV2ZWxvcG1lbnQtb25seS1obWFjLWtleS0zMmJ5dGU=";

	private static final String DEVELOPMENT_KEY_ID = "dev";

	private static final String DEVELOPMENT_ENCRYPTION_KEY = "ZGV2ZWxvcG1lbnQtb25seS1hZXMtMjU2LWtleS0zMiE=";

	static final String HOW_TO_MAKE_KEYS = "set BATCH_PRIVACY_HASH_KEY=$(openssl rand -base64 32), "
			+ "BATCH_PRIVACY_ENCRYPTION_KEY_ID=k1 and BATCH_PRIVACY_ENCRYPTIONKEYS_K1=$(openssl rand -base64 32), "
			+ "and keep them (a Kubernetes Secret, a vault): without them the stored hashes and dates of birth cannot "
			+ "be read; for development only, use the dev profile (--spring.profiles.active=dev)";

	// Lazy: made by the commands that protect personal data (an import, a lookup), so that the
	// warning about development keys is theirs, once, and not every command's.
	@Bean
	@Lazy
	PersonalDataProtector personalDataProtector(PrivacyProperties properties, DevelopmentKeys developmentKeys) {
		String hashKey = properties.hashKey();
		Map<String, String> keys = new LinkedHashMap<>(properties.encryptionKeys());
		String keyId = properties.encryptionKeyId();
		if (developmentKeys.needed()) {
			developmentKeys.refuseOutsideDevelopment();
			logger.warn("Using the built-in development keys for personal data: they are in the source and protect "
					+ "nothing. Before loading real data, " + HOW_TO_MAKE_KEYS);
		}
		if (hashKey == null || hashKey.isBlank()) {
			hashKey = DEVELOPMENT_HASH_KEY;
		}
		if (keys.isEmpty()) {
			keys.put(DEVELOPMENT_KEY_ID, DEVELOPMENT_ENCRYPTION_KEY);
			keyId = (keyId == null || keyId.isBlank()) ? DEVELOPMENT_KEY_ID : keyId;
		}
		if (keyId == null || keyId.isBlank()) {
			throw new IllegalStateException("batch.privacy.encryption-key-id must name one of batch.privacy.encryption-keys");
		}
		// Key ids compare without case: Spring lower-cases map keys bound from the environment.
		Map<String, byte[]> decoded = new LinkedHashMap<>();
		keys.forEach((id, key) -> decoded.put(id.toLowerCase(Locale.ROOT),
				key("batch.privacy.encryption-keys." + id, key)));
		keyId = keyId.toLowerCase(Locale.ROOT);
		return new PersonalDataProtector(key("batch.privacy.hash-key", hashKey), keyId, decoded);
	}

	@Bean
	DevelopmentKeys developmentKeys(PrivacyProperties properties, Environment environment,
			ApplicationContext context) {
		return new DevelopmentKeys(properties, environment, context instanceof WebServerApplicationContext);
	}

	// serve and worker refuse to start, not their first import
	@Bean
	SmartInitializingSingleton refuseDevelopmentKeysWhenServing(DevelopmentKeys developmentKeys) {
		return () -> {
			if (developmentKeys.serving() && developmentKeys.needed()) {
				developmentKeys.refuseOutsideDevelopment();
			}
		};
	}

	private static byte[] key(String property, String base64) {
		byte[] key;
		try {
			key = Base64.getDecoder().decode(base64.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException(property + " must be base64");
		}
		if (key.length != 32) {
			throw new IllegalStateException(property + " must be 32 bytes (256 bits), base64-encoded");
		}
		return key;
	}

}
