package batch.cli;

import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import batch.testsupport.Cli;
import batch.testsupport.Cli.Run;
import batch.testsupport.TestDatabase;
import com.opencsv.CSVReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The corpus of hostile input under {@code src/test/resources/hostile}, through the command line
 * on MariaDB: each bad row is rejected with its reason code at the physical line where it starts
 * while every valid row lands; each bad file stops the run with exit code 2 and one line, before
 * anything is written; exports make formulas inert.
 */
class HostileInputIntegrationTests {

	private static final String FILES_DATABASE = TestDatabase.newDatabaseUrl("hostile_files");

	@TempDir
	Path directory;

	@Test
	void badRowsAreRejectedWithTheirReasonAndEveryValidRowLands() throws Exception {
		String database = TestDatabase.newDatabaseUrl("hostile_rows");
		Path corpus = resource("hostile/policies/rows.csv");
		List<String> expected = Files.readAllLines(resource("hostile/policies/rows.expected"));
		long valid = expected.stream()
			.filter((line) -> line.startsWith("valid="))
			.mapToLong((line) -> Long.parseLong(line.substring(6)))
			.findFirst()
			.orElseThrow();
		Set<String> expectedRejects = new TreeSet<>();
		for (String line : expected) {
			if (!line.startsWith("#") && !line.startsWith("valid=")) {
				String[] parts = line.split(",", 3);
				expectedRejects.add(parts[0] + "," + parts[1]);
			}
		}

		Run run = cli(database, "illustrate", corpus.toString(), "--export-dir", this.directory.toString());

		assertThat(run.exitCode()).as(run.err()).isZero();
		assertThat(query(database, "SELECT CONCAT(line_number, ',', reason_code) FROM rejected_record"))
			.containsExactlyInAnyOrderElementsOf(expectedRejects);
		assertThat(query(database, "SELECT policy_id FROM policy")).hasSize((int) valid);
		assertThat(query(database, "SELECT policy_id FROM illustration_summary")).hasSize((int) valid);
		assertThat(run.out()).contains("read " + (valid + expectedRejects.size()));
		List<String[]> rejects = csv(this.directory.resolve("rejects.csv"));
		assertThat(rejects).hasSize(expectedRejects.size() + 1);
		for (String[] reject : rejects) {
			for (String cell : reject) {
				assertThat(cell).as("a cell of rejects.csv").doesNotStartWith("=").doesNotStartWith("+")
					.doesNotStartWith("-").doesNotStartWith("@");
			}
		}
		assertThat(rejects).extracting((reject) -> reject[1]).contains("'=1+1", "'@SUM(A1)", "'-39", "'+40");
	}

	@ParameterizedTest(name = "{0}: exit {1}, {2} policies")
	@CsvFileSource(resources = "/hostile/policies/files/files.expected", commentCharacter = '#')
	void aBadFileStopsTheRunBeforeAnythingIsWritten(String file, int exitCode, int written) throws Exception {
		long instances = count(FILES_DATABASE, "BATCH_JOB_INSTANCE");
		long policies = count(FILES_DATABASE, "policy");

		Run run = cli(FILES_DATABASE, "illustrate", resource("hostile/policies/files/" + file).toString());

		assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(exitCode);
		assertThat(run.err()).doesNotContain("\tat ").doesNotContain("Exception");
		if (exitCode == ExitCodes.USAGE) {
			assertThat(run.err().strip().lines()).as(run.err()).hasSize(1);
			assertThat(count(FILES_DATABASE, "BATCH_JOB_INSTANCE")).isEqualTo(instances);
		}
		assertThat(count(FILES_DATABASE, "policy")).isEqualTo(policies + written);
	}

	@Test
	void aFileThatIsNotThereOrIsADirectoryStopsTheRun() throws Exception {
		for (Path input : List.of(this.directory.resolve("absent.csv"), this.directory)) {
			Run run = cli(FILES_DATABASE, "illustrate", input.toString());

			assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
			assertThat(run.err()).contains("does not exist or is not a file").doesNotContain("\tat ");
		}
	}

	private static Path resource(String name) throws URISyntaxException {
		return Path.of(HostileInputIntegrationTests.class.getClassLoader().getResource(name).toURI());
	}

	private static Run cli(String database, String... args) {
		return Cli.onDatabase(database, args);
	}

	private static long count(String database, String table) throws Exception {
		return TestDatabase.rowCount(database, table);
	}

	private static List<String> query(String database, String sql) throws Exception {
		return TestDatabase.queryForStrings(database, sql);
	}

	private static List<String[]> csv(Path file) throws Exception {
		try (Reader reader = Files.newBufferedReader(file); CSVReader csv = new CSVReader(reader)) {
			return csv.readAll();
		}
	}

}
