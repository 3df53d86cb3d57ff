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
 * The input file: its header is checked before anything is read, each record comes with the
 * physical line it starts on, and one bad record never takes the next ones with it.
 */
class CsvFileTests {

	private static final String HEADER = String.join(",", PolicyFields.HEADER);

	private static final String ROW = "1,TERM,A,1,1990-01-01,M,2020-01-01,1,1,YEARLY,1,1";

	@TempDir
	Path directory;

	@Test
	void aMissingOrWrongHeaderIsRefusedWithTheExpectedOne() throws IOException {
		assertRefused(write("empty.csv", ""), "is empty");
		assertRefused(write("wrong.csv", "id,product\n1,TERM\n"), "has the wrong header: expected " + HEADER);
		assertRefused(write("reordered.csv", HEADER.replace("dob,gender", "gender,dob") + "\n"), "wrong header");
		assertRefused(write("data-only.csv", ROW + "\n"), "wrong header");
		assertRefused(this.directory.resolve("missing.csv"), "does not exist");
		assertRefused(this.directory, "does not exist or is not a file");
	}

	@Test
	void aBrokenHeaderIsNotEchoed() throws IOException {
		Path file = write("broken.csv", "policy_id,\"product_code\n1001,Asha Rao,9876500001\n");

		assertThatExceptionOfType(InputFileException.class)
			.isThrownBy(() -> new CsvFile(file, PolicyFields.HEADER).check())
			.withMessageContaining("header that is not valid CSV")
			.withMessageNotContaining("Asha");
	}

	@Test
	void aByteOrderMarkAndCrLfOrCrLineEndsAreAccepted() throws IOException {
		Path file = write("bom.csv", "\uFEFF" + HEADER + "\r\n" + ROW + "\r\n" + ROW + "\r" + ROW);

		List<CsvRecord> records = readAll(file);

		assertThat(records).extracting(CsvRecord::lineNumber).containsExactly(2L, 3L, 4L);
		assertThat(records).allSatisfy((record) -> assertThat(record.values()).hasSize(12).endsWith("1"));
	}

	@Test
	void recordsCarryThePhysicalLineTheyStartOn() throws IOException {
		String multiLine = ROW.replace(",A,", ",\"two\nlines\",");
		Path file = write("lines.csv", HEADER + "\n" + "a,b\n" + "\n" + multiLine + "\n" + ROW + "\n");

		List<CsvRecord> records = readAll(file);

		assertThat(records).extracting(CsvRecord::lineNumber).containsExactly(2L, 3L, 4L, 6L);
		assertThat(records.get(0).values()).containsExactly("a", "b");
		assertThat(records.get(1).values()).containsExactly("");
		assertThat(records.get(2).values()).hasSize(12).contains("two\nlines");
	}

	@Test
	void anUnbalancedQuoteSpoilsOnlyItsOwnLine() throws IOException {
		Path file = write("quotes.csv", HEADER + "\n" + ROW.replace(",A,", ",\"Rao\" ,") + "\n" + ROW + "\n"
				+ ROW.replace(",A,", ",\"Unclosed,") + "\n" + ROW + "\n" + ROW + "\n");

		List<CsvRecord> records = readAll(file);

		assertThat(records).extracting(CsvRecord::lineNumber).containsExactly(2L, 3L, 4L, 5L, 6L);
		assertThat(records).extracting(CsvRecord::readable).containsExactly(false, true, false, true, true);
		assertThat(records.get(2).problem()).contains("quoted field");
		assertThat(records.get(4).values()).hasSize(12);
	}

	@Test
	void anOverlongLineIsReadPastNotHeld() throws IOException {
		Path file = write("long.csv", HEADER + "\n" + "x".repeat(CsvRecordReader.MAX_LINE_LENGTH + 10) + "\n" + ROW
				+ "\n\"" + "y".repeat(CsvRecordReader.MAX_LINE_LENGTH + 10) + "\n" + ROW);

		List<CsvRecord> records = readAll(file);

		assertThat(records).extracting(CsvRecord::lineNumber).containsExactly(2L, 3L, 4L, 5L);
		assertThat(records).extracting(CsvRecord::readable).containsExactly(false, true, false, true);
		assertThat(records.get(0).problem()).contains("longer than");
	}

	@Test
	void anUnclosedQuoteSwallowsNeitherAnOverlongLineNorWhatFollows() throws IOException {
		Path file = write("swallow.csv", HEADER + "\n" + ROW.replace(",A,", ",\"Never closed,") + "\n"
				+ "z".repeat(CsvRecordReader.MAX_LINE_LENGTH + 10) + "\n" + ROW + "\n");

		List<CsvRecord> records = readAll(file);

		assertThat(records).extracting(CsvRecord::lineNumber).containsExactly(2L, 3L, 4L);
		assertThat(records).extracting(CsvRecord::readable).containsExactly(false, false, true);
		assertThat(records.get(0).problem()).contains("not closed");
		assertThat(records.get(1).problem()).contains("longer than");
	}

	@Test
	void anUnclosedQuoteHoldsAtMostAHundredLines() throws IOException {
		Path file = write("hundred.csv", HEADER + "\n" + ROW.replace(",A,", ",\"Never closed,") + "\n"
				+ "w\n".repeat(150) + ROW + "\n");

		List<CsvRecord> records = readAll(file);

		assertThat(records).hasSize(152);
		assertThat(records.get(0).problem()).contains("not closed");
		assertThat(records.subList(1, 151)).allSatisfy((record) -> assertThat(record.values()).containsExactly("w"));
		assertThat(records.get(151).lineNumber()).isEqualTo(153L);
		assertThat(records.get(151).values()).hasSize(12);
	}

	private List<CsvRecord> readAll(Path file) {
		CsvItemReader reader = new CsvItemReader(new CsvFile(file, PolicyFields.HEADER));
		reader.open(new ExecutionContext());
		List<CsvRecord> records = new ArrayList<>();
		for (CsvRecord record = reader.read(); record != null; record = reader.read()) {
			records.add(record);
		}
		reader.close();
		return records;
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
