package batch.reader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import batch.domain.illustration.PolicyFields;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.batch.infrastructure.item.ExecutionContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The policies file: its header is checked before anything is read, and each record comes with
 * the physical line it starts on.
 */
class CsvFileTests {

	private static final String HEADER = String.join(",", PolicyFields.HEADER);

	@TempDir
	Path directory;

	@Test
	void aMissingOrWrongHeaderIsRefusedWithTheExpectedOne() throws IOException {
		assertRefused(write("empty.csv", ""), "is empty");
		assertRefused(write("wrong.csv", "id,product\n1,TERM\n"), "has the wrong header: expected " + HEADER);
		assertRefused(write("reordered.csv", HEADER.replace("dob,gender", "gender,dob") + "\n"), "wrong header");
		assertRefused(write("data-only.csv", "1001,TERM,A,1,1990-01-01,M,2020-01-01,100000,5000,YEARLY,10,10\n"),
				"wrong header");
		assertRefused(this.directory.resolve("missing.csv"), "does not exist");
		assertRefused(this.directory, "does not exist or is not a file");
	}

	@Test
	void aByteOrderMarkAndCrLfLineEndsAreAccepted() throws IOException {
		Path file = write("bom.csv", "\uFEFF" + HEADER + "\r\n1,TERM,A,1,1990-01-01,M,2020-01-01,1,1,YEARLY,1,1\r\n");

		List<PolicyLine> lines = readAll(file);

		assertThat(lines).hasSize(1);
		assertThat(lines.get(0).lineNumber()).isEqualTo(2);
		assertThat(lines.get(0).values()).hasSize(12).endsWith("1");
	}

	@Test
	void recordsCarryThePhysicalLineTheyStartOn() throws IOException {
		Path file = write("lines.csv", HEADER + "\n" + "a,b\n" + "\n" + "\"two\nlines\",x\n" + "c\n"
				+ "\"never closed,y\nz\n");

		List<PolicyLine> lines = readAll(file);

		assertThat(lines).extracting(PolicyLine::lineNumber).containsExactly(2L, 3L, 4L, 6L, 7L);
		assertThat(lines.get(0).values()).containsExactly("a", "b");
		assertThat(lines.get(1).values()).containsExactly("");
		assertThat(lines.get(2).values()).containsExactly("two\nlines", "x");
		assertThat(lines.get(4).readable()).isFalse();
		assertThat(lines.get(4).recordKey()).isEmpty();
	}

	private List<PolicyLine> readAll(Path file) {
		PolicyCsvReader reader = new PolicyCsvReader(new CsvFile(file, PolicyFields.HEADER));
		reader.open(new ExecutionContext());
		List<PolicyLine> lines = new ArrayList<>();
		for (PolicyLine line = reader.read(); line != null; line = reader.read()) {
			lines.add(line);
		}
		reader.close();
		return lines;
	}

	private void assertRefused(Path file, String message) {
		assertThatExceptionOfType(InputFileException.class)
			.isThrownBy(() -> new CsvFile(file, PolicyFields.HEADER).check())
			.withMessageContaining(message);
	}

	private Path write(String name, String content) throws IOException {
		return Files.writeString(this.directory.resolve(name), content, StandardCharsets.UTF_8);
	}

}
