package batch.job;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

class ParameterChecksTests {

	@ParameterizedTest(name = "U+{0}")
	@ValueSource(strings = { "0000", "0009", "000a", "001b", "007f", "0085", "200b", "200c", "200d", "200e", "200f",
			"202a", "202b", "202c", "202d", "202e", "2066", "2067", "2068", "2069", "feff", "2028", "2029", "00ad",
			"e000", "f8ff", "0378", "d800", "dfff", "f0000", "10fffd", "e0001" })
	void aValueWithACharacterThatIsNotPrintableIsRefusedNamingTheParameterAndShowingTheCharacterEscaped(String hex) {
		int character = Integer.parseInt(hex, 16);
		String value = "run-" + new String(Character.toChars(character)) + "-1";
		String escaped = Character.isBmpCodePoint(character) ? "\\u" + hex : String.format("\\U%08x", character);

		assertThatExceptionOfType(InvalidJobParametersException.class)
			.isThrownBy(() -> ParameterChecks.values(parameters("run.id", value)))
			.withMessageStartingWith("run.id holds a character that is not printable")
			.withMessageContaining("'run-" + escaped + "-1'");
	}

	@ParameterizedTest
	@ValueSource(strings = { "café-été", "Müller über", "हिंदी", "日本語 2026", "Ελληνικά", "עברית", "العربية", "emoji 😀",
			"a b", "file (1).csv", "naïve\u0301", "x\u00a0y" })
	void ordinaryTextOfAnyScriptIsAccepted(String value) {
		assertThatNoException().isThrownBy(() -> ParameterChecks.values(parameters("run.id", value)));
	}

	@Test
	void aNameThatIsNotPrintableIsShownEscapedToo() {
		assertThatExceptionOfType(InvalidJobParametersException.class)
			.isThrownBy(() -> ParameterChecks.onlyKnownNames("illustrationJob", parameters("in\u202eput", "x"),
					List.of("input")))
			.withMessageContaining("'in\\u202eput'");
	}

	private static JobParameters parameters(String name, String value) {
		return new JobParametersBuilder().addString(name, value).toJobParameters();
	}

}
