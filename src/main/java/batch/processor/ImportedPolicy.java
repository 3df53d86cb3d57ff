package batch.processor;

import java.time.LocalDate;

import batch.domain.illustration.Policy;

/**
 * A valid policy as the import stores it: terms in clear, personal data only as keyed hashes and
 * ciphertext.
 */
public record ImportedPolicy(Policy policy, String holderNameHash, String mobileHash, String encryptedDateOfBirth,
		String keyId, LocalDate commencementDate, long sourceLine) {

}
