package batch.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

import batch.domain.illustration.PolicyFields;
import batch.testsupport.BatchProcess;
import batch.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A policies file with a line of more than 2 GiB, through {@code ./batch illustrate} in a process
 * whose heap is a sixteenth of that line: the line is rejected at its physical line and read past,
 * not buffered, and the rows around it land.
 */
class HugeLineIntegrationTests {

	private static final long HUGE = (1L << 31) + 4099;

	private static final String REST_OF_ROW = ",Asha Verma,9876500000,1990-01-15,F,2020-03-01,500000,6000,YEARLY,20,10";

	@TempDir
	Path directory;

	@Test
	void aLineOfMoreThanTwoGibibytesIsRejectedInBoundedMemory() throws Exception {
		String database = TestDatabase.newDatabaseUrl("huge_line");
		Path policies = this.directory.resolve("policies.csv");
		try {
			writeWithHugeLine(policies);

			BatchProcess child = BatchProcess.start(this.directory, "128m",
					List.of("illustrate", policies.toString(), "--spring.datasource.url=" + database,
							"--spring.datasource.username=" + TestDatabase.username(),
							"--spring.datasource.password=" + TestDatabase.password()));
			boolean ended = child.process().waitFor(2, TimeUnit.MINUTES);
			if (!ended) {
				child.kill();
			}

			assertThat(ended).as("ended in time").isTrue();
			assertThat(child.process().exitValue()).as(child.out() + child.err()).isZero();
			assertThat(child.err()).doesNotContain("OutOfMemoryError");
			assertThat(child.out()).contains("importPolicies", "read 3, written 2, rejected 1");
			assertThat(TestDatabase.queryForStrings(database,
					"SELECT CONCAT(line_number, ' ', reason_code, ': ', message) FROM rejected_record"))
				.containsExactly("3 MALFORMED_ROW: the record cannot be read: the line is longer than 65536 characters");
			assertThat(TestDatabase.queryForStrings(database, "SELECT policy_id FROM illustration_summary"))
				.containsExactlyInAnyOrder("1", "3");
		}
		finally {
			Files.deleteIfExists(policies);
		}
	}

	// Line 3 opens a quoted field that never closes: read as CSV, it would hold the 2 GiB of its
	// line and the rest of the file. Its middle is a hole of a sparse file, which costs no disk
	// and reads as NUL characters, to the reader characters like any other.
	private static void writeWithHugeLine(Path file) throws IOException {
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
			write(channel, String.join(",", PolicyFields.HEADER) + "\n1,TERM" + REST_OF_ROW + "\n2,TERM,\"Never closed");
			channel.position(channel.position() + HUGE);
			write(channel, "x" + REST_OF_ROW + "\n3,TERM" + REST_OF_ROW + "\n");
		}
		assertThat(Files.size(file)).isGreaterThan(HUGE);
	}

	private static void write(FileChannel channel, String text) throws IOException {
		ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
		while (bytes.hasRemaining()) {
			channel.write(bytes);
		}
	}

}
