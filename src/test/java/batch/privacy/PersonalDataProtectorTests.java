package batch.privacy;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Keyed hashes and authenticated encryption of personal data.
 */
class PersonalDataProtectorTests {

	private static final byte[] HASH_KEY = "0123456789abcdef0123456789abcdef".getBytes();

	private static final byte[] KEY_1 = "k1k1k1k1k1k1k1k1k1k1k1k1k1k1k1k1".getBytes();

	private static final byte[] KEY_2 = "k2k2k2k2k2k2k2k2k2k2k2k2k2k2k2k2".getBytes();

	private final PersonalDataProtector protector = new PersonalDataProtector(HASH_KEY, "k1", Map.of("k1", KEY_1));

	@Test
	void hashesAreKeyedAndNormalised() {
		String hash = this.protector.hashName("Asha  Rao");

		assertThat(hash).hasSize(64).doesNotContain("Asha").isEqualTo(this.protector.hashName(" asha rao "));
		assertThat(hash).isNotEqualTo(this.protector.hashName("Asha Rai"));
		assertThat(this.protector.hashMobile("+91 98765-43210")).isEqualTo(this.protector.hashMobile("919876543210"));
		// another key, another hash: the hash is useless without the key
		PersonalDataProtector otherKey = new PersonalDataProtector(KEY_2, "k1", Map.of("k1", KEY_1));
		assertThat(otherKey.hashName("Asha Rao")).isNotEqualTo(hash);
	}

	@Test
	void datesRoundTripAndAreBoundToTheirPolicy() {
		LocalDate dob = LocalDate.of(1990, 6, 15);

		String first = this.protector.encryptDate(dob, 1001);
		String second = this.protector.encryptDate(dob, 1001);

		assertThat(first).isNotEqualTo(second).doesNotContain("1990");
		assertThat(this.protector.decryptDate(first, "k1", 1001)).isEqualTo(dob);
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> this.protector.decryptDate(first, "k1", 1002));
	}

	@Test
	void rotatedKeysStillDecryptOlderRows() {
		String old = this.protector.encryptDate(LocalDate.of(1980, 1, 2), 7);
		PersonalDataProtector rotated = new PersonalDataProtector(HASH_KEY, "k2", Map.of("k1", KEY_1, "k2", KEY_2));

		assertThat(rotated.activeKeyId()).isEqualTo("k2");
		assertThat(rotated.decryptDate(old, "k1", 7)).isEqualTo(LocalDate.of(1980, 1, 2));
		assertThat(rotated.decryptDate(rotated.encryptDate(LocalDate.of(1980, 1, 2), 7), "k2", 7))
			.isEqualTo(LocalDate.of(1980, 1, 2));
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> new PersonalDataProtector(HASH_KEY, "k3", Map.of("k1", KEY_1)));
	}

}
