package batch.privacy;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Keys that protect personal data, from the environment in production: BATCH_PRIVACY_HASH_KEY,
 * BATCH_PRIVACY_ENCRYPTION_KEY_ID and BATCH_PRIVACY_ENCRYPTIONKEYS_&lt;ID&gt; (each base64 of 32
 * random bytes). Older encryption keys stay configured, under their ids, so that older rows still
 * decrypt after a rotation.
 *
 * @param hashKey the HMAC-SHA256 key for holder names and mobile numbers
 * @param encryptionKeyId the id of the AES-256 key that new rows are encrypted with
 * @param encryptionKeys every AES-256 key by id
 */
@ConfigurationProperties("batch.privacy")
record PrivacyProperties(String hashKey, String encryptionKeyId,
		@DefaultValue Map<String, String> encryptionKeys) {

}
