package batch.cli;

import java.io.IOException;
import java.nio.file.Path;

import batch.testsupport.BadParameters;
import batch.testsupport.Cli;
import batch.testsupport.Cli.Logged;
import batch.testsupport.Cli.Run;
import batch.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Every parameter of the commands that start or handle runs, and of both jobs, given bad values
 * (the cases of {@code hostile/parameters/parameters.expected}), on MariaDB: the exit code of bad
 * usage, one line on standard error that names the parameter, no stack trace there or in the
 * logs, and no job instance or execution created.
 */
class BadParametersIntegrationTests {

	private static final String DATABASE = TestDatabase.newDatabaseUrl("bad_parameters");

	@TempDir
	static Path directory;

	static BadParameters cases;

	@BeforeAll
	static void filesAndSchema() throws IOException {
		cases = BadParameters.in(directory);
		// the job repository's tables exist, so that each case is counted against them
		Run run = Cli.onDatabase(DATABASE, "executions");
		assertThat(run.exitCode()).as(run.err()).isZero();
	}

	@ParameterizedTest(name = "{0}")
	@CsvFileSource(resources = BadParameters.CASES, delimiter = '|', commentCharacter = '#')
	void aBadParameterIsRefusedInOneLineThatNamesItAndNothingIsWritten(String line, int exitCode, String named)
			throws Exception {
		assumeFalse(cases.cannotMakeUnreadable(line), "this process reads files nobody may read (it runs as root)");
		long before = runs();

		Logged logged = Cli.logged(() -> Cli.onDatabase(DATABASE, cases.arguments(line).toArray(String[]::new)));

		Run run = logged.run();
		assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(exitCode);
		assertThat(run.out()).isEmpty();
		assertThat(run.err().strip().lines()).as(run.err()).hasSize(1);
		assertThat(run.err()).contains(named).doesNotContain("Exception");
		assertThat(logged.logs()).doesNotContain("\tat ").doesNotContain("Exception");
		assertThat(runs()).as("job instances and executions").isEqualTo(before);
	}

	// the value check comes before the file checks: a refusal that names input, not run.id, is
	// one the run id passed
	@ParameterizedTest
	@ValueSource(strings = { "café-über", "हिंदी", "日本語-Ελληνικά" })
	void lettersOfEveryScriptPassTheCheckOfValues(String runId) throws Exception {
		long before = runs();

		Run run = Cli.onDatabase(DATABASE, "launch", "illustrationJob",
				"input=" + cases.directory().resolve("params-absent.csv"), "run.id=" + runId);

		assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
		assertThat(run.err()).contains("input").doesNotContain("run.id");
		assertThat(runs()).isEqualTo(before);
	}

	private static long runs() throws Exception {
		return TestDatabase.rowCount(DATABASE, "BATCH_JOB_INSTANCE") + TestDatabase.rowCount(DATABASE, "BATCH_JOB_EXECUTION");
	}

}
