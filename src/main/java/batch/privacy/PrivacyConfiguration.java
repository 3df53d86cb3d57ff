package batch.privacy;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Builds the {@link PersonalDataProtector} from configured keys, falling back, with a warning, to
 * built-in development keys that must never protect real data.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PrivacyProperties.class)
class PrivacyConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(PrivacyConfiguration.class);

	// Development keys: public, in the source. Real deployments configure their own.
	private static final String DEVELOPMENT_HASH_KEY = "ZGV2ZWxvcG1lbnQtb25seS1obWFjLWtleS0zMmJ5dGU=";

	private static final String DEVELOPMENT_KEY_ID = "dev";

	private static final String DEVELOPMENT_ENCRYPTION_KEY = "ZGV2ZWxvcG1lbnQtb25seS1hZXMtMjU2LWtleS0zMiE=";

	@Bean
	PersonalDataProtector personalDataProtector(PrivacyProperties properties) {
		String hashKey = properties.hashKey();
		if (hashKey == null || hashKey.isBlank()) {
			logger.warn("Using the built-in development key for hashing personal data: "
					+ "set BATCH_PRIVACY_HASH_KEY before loading real data");
			hashKey = DEVELOPMENT_HASH_KEY;
		}
		Map<String, String> keys = new LinkedHashMap<>(properties.encryptionKeys());
		String keyId = properties.encryptionKeyId();
		if (keys.isEmpty()) {
			logger.warn("Using the built-in development key for encrypting personal data: "
					+ "set BATCH_PRIVACY_ENCRYPTION_KEY_ID and BATCH_PRIVACY_ENCRYPTIONKEYS_<ID> before loading real data");
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
