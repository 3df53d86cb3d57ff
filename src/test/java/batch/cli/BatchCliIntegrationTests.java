package batch.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import batch.testsupport.Cli;
import batch.testsupport.Cli.Run;
import batch.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line as operators use it: exit codes, {@code execution <id>} first, clear errors,
 * on MariaDB and on the embedded file database.
 */
class BatchCliIntegrationTests {

	private static final Pattern EXECUTION = Pattern.compile("^execution (\\d+)$", Pattern.MULTILINE);

	private static final String MARIADB = TestDatabase.newDatabaseUrl("cli");

	@TempDir
	static Path directory;

	static Path policies;

	@BeforeAll
	static void generate() {
		policies = directory.resolve("policies.csv");
		Run run = run("generate", "policies", "--count", "2000", "--output", policies.toString(), "--seed", "3",
				"--invalid-fraction", "0.05");
		assertThat(run.exitCode()).isZero();
		assertThat(run.out()).contains("wrote 2000 policies");
	}

	@Test
	void illustratePrintsItsExecutionFirstAndASummary() throws Exception {
		Run run = onMariaDb("illustrate", policies.toString(), "--export-dir", directory.resolve("mariadb").toString());

		assertThat(run.exitCode()).as(run.err()).isZero();
		assertThat(run.out().lines().findFirst().orElseThrow()).matches("execution \\d+");
		assertThat(run.out()).contains("illustrationJob COMPLETED").contains("read 2000").contains("rejected");
		assertThat(Files.list(directory.resolve("mariadb")).map((file) -> file.getFileName().toString()))
			.containsExactlyInAnyOrder("illustrations.csv", "summary.csv", "rejects.csv");
	}

	@Test
	void aWrongHeaderStopsTheRunBeforeAnythingIsWritten() throws Exception {
		Path bad = Files.writeString(directory.resolve("bad.csv"), "policy,product\n1,TERM\n");
		onMariaDb("illustrate", policies.toString()); // the schema exists
		long instancesBefore = count(MARIADB, "SELECT COUNT(*) FROM BATCH_JOB_INSTANCE");

		Run run = Cli.withLogs(() -> onMariaDb("illustrate", bad.toString()));

		assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(run.out()).isEmpty();
		assertThat(run.err()).contains("bad.csv has the wrong header: expected policy_id,product_code,")
			.doesNotContain("Exception")
			.doesNotContain("\tat ");
		assertThat(count(MARIADB, "SELECT COUNT(*) FROM BATCH_JOB_INSTANCE")).isEqualTo(instancesBefore);
		assertThat(onMariaDb("illustrate", directory.resolve("absent.csv").toString()).exitCode())
			.isEqualTo(ExitCodes.USAGE);
	}

	@Test
	void aContractsFileWithoutItsHeaderStopsTheRunWithoutRepeatingItsValues() throws Exception {
		Path contracts = directory.resolve("contracts.csv");
		assertThat(run("generate", "contracts", "--count", "5", "--output", contracts.toString()).exitCode()).isZero();
		List<String> lines = Files.readAllLines(contracts);
		Path headless = Files.write(directory.resolve("headless.csv"), lines.subList(1, lines.size()));
		String firstId = lines.get(1).split(",")[0];
		String market = "--observations=" + directory.resolve("contracts-observations.csv");
		String curves = "--curves=" + directory.resolve("contracts-curves.csv");
		onMariaDb("cashflow", contracts.toString(), market, curves); // the schema exists
		long instancesBefore = count(MARIADB, "SELECT COUNT(*) FROM BATCH_JOB_INSTANCE");

		Run run = Cli.withLogs(() -> onMariaDb("cashflow", headless.toString(), market, curves));
		Run blankExport = onMariaDb("launch", "cashFlowJob", "input=" + contracts, "observations="
				+ directory.resolve("contracts-observations.csv"), "curves=" + directory.resolve("contracts-curves.csv"),
				"exportDir=");

		assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(run.err()).contains("headless.csv has header columns that are no ACTUS term: column 1, ")
			.doesNotContain(firstId)
			.doesNotContain("\tat ");
		assertThat(blankExport.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(blankExport.err()).contains("exportDir is empty");
		assertThat(count(MARIADB, "SELECT COUNT(*) FROM BATCH_JOB_INSTANCE")).isEqualTo(instancesBefore);
	}

	@Test
	void launchRefusesTheParametersOfACompletedRun() {
		Run first = onMariaDb("launch", "illustrationJob", "input=" + policies);
		Run second = onMariaDb("launch", "illustrationJob", "input=" + policies);

		assertThat(first.exitCode()).as(first.err()).isZero();
		assertThat(second.exitCode()).isEqualTo(ExitCodes.NOT_RESTARTABLE);
		assertThat(second.err()).contains("already completed with these parameters");
		assertThat(onMariaDb("launch", "noSuchJob").exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(onMariaDb("launch", "illustrationJob", "colour=blue").exitCode()).isEqualTo(ExitCodes.USAGE);
	}

	@Test
	void restartRefusesUnknownAndCompletedExecutions() {
		Run completed = onMariaDb("illustrate", policies.toString());
		long id = executionId(completed);

		assertThat(onMariaDb("restart", "999999").exitCode()).isEqualTo(ExitCodes.NOT_RESTARTABLE);
		Run again = onMariaDb("restart", Long.toString(id));
		assertThat(again.exitCode()).isEqualTo(ExitCodes.NOT_RESTARTABLE);
		assertThat(again.err()).contains("is COMPLETED");
	}

	@Test
	void theEmbeddedFileDatabaseRunsRestartsAndAgreesWithMariaDb() throws Exception {
		String h2 = "jdbc:h2:file:" + directory.resolve("data/batch")
				+ ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;IGNORECASE=TRUE;AUTO_SERVER=TRUE";
		Path reference = directory.resolve("reference");
		assertThat(onMariaDb("illustrate", policies.toString(), "--export-dir", reference.toString()).exitCode())
			.isZero();

		// a run that fails part-way on the embedded database
		assertThat(run("illustrate", policies.toString(), "--spring.datasource.url=" + h2).exitCode()).isZero();
		try (Connection connection = DriverManager.getConnection(h2, "", "");
				Statement statement = connection.createStatement()) {
			ResultSet ids = statement.executeQuery("SELECT policy_id FROM policy ORDER BY policy_id LIMIT 1 OFFSET 1500");
			ids.next();
			FailingTrigger.refusedPolicyId = ids.getLong(1);
			statement.execute("DELETE FROM illustration");
			statement.execute("CREATE TRIGGER refuse BEFORE INSERT ON illustration FOR EACH ROW CALL \""
					+ FailingTrigger.class.getName() + "\"");
		}
		Path export = directory.resolve("h2");
		Path input = Files.copy(policies, directory.resolve("h2-policies.csv"));
		Run failed = run("illustrate", input.toString(), "--export-dir", export.toString(),
				"--spring.datasource.url=" + h2);
		assertThat(failed.exitCode()).isEqualTo(ExitCodes.FAILED);
		assertThat(failed.out()).contains("illustrationJob FAILED")
			.contains("failed in calculateIllustrationsWorker:partition")
			.contains("injected failure")
			.contains("restart it with: ./batch restart");
		try (Connection connection = DriverManager.getConnection(h2, "", "");
				Statement statement = connection.createStatement()) {
			statement.execute("DROP TRIGGER refuse");
		}

		// a restart reads the files of the run it continues: the input archived meanwhile is refused,
		// and nothing is started
		Path archived = Files.move(input, directory.resolve("h2-policies.archived"));
		Run refused = run("restart", Long.toString(executionId(failed)), "--spring.datasource.url=" + h2);
		assertThat(refused.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(refused.err()).contains("input " + input).contains("is gone");
		assertThat(refused.out()).doesNotContain("execution ");

		// when restarted by its id in a new application context, as a new process would, with the
		// file back
		Files.move(archived, input);
		Run restarted = run("restart", Long.toString(executionId(failed)), "--spring.datasource.url=" + h2);

		assertThat(restarted.exitCode()).as(restarted.out() + restarted.err()).isZero();
		assertThat(executionId(restarted)).isGreaterThan(executionId(failed));
		for (String file : List.of("illustrations.csv", "summary.csv", "rejects.csv")) {
			assertThat(export.resolve(file)).hasSameTextualContentAs(reference.resolve(file));
		}
	}

	@Test
	void aBadSettingOrAnUnreachableDatabaseIsOneLineWithoutAStackTrace() {
		Run badSetting = Cli.withLogs(() -> onMariaDb("illustrate", policies.toString(), "--batch.chunk-size=0"));
		Run noDatabase = Cli.withLogs(() -> run("illustrate", policies.toString(),
				"--spring.datasource.url=jdbc:mysql://127.0.0.1:1/none"));

		assertThat(badSetting.exitCode()).isEqualTo(ExitCodes.FAILED);
		assertThat(badSetting.err()).contains("cannot start: invalid setting batch.chunk-size: must be greater than 0")
			.doesNotContain("\tat ");
		assertThat(noDatabase.exitCode()).isEqualTo(ExitCodes.FAILED);
		assertThat(noDatabase.err()).contains("cannot start: cannot use the database").doesNotContain("\tat ");
	}

	@Test
	void theServerRefusesToStartWithoutAToken() {
		Run run = Cli.withLogs(() -> onMariaDb("serve", "--server.port=0"));

		assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
		assertThat(run.err()).contains("cannot start: batch.api.token is not set").doesNotContain("\tat ");
		assertThat(run.out()).doesNotContain("serving");
	}

	@Test
	void statusExecutionsAndPurgeReadTheJobRepository() throws Exception {
		Run completed = onMariaDb("illustrate", policies.toString());
		long id = executionId(completed);
		long illustrations = count(MARIADB, "SELECT COUNT(*) FROM illustration");

		Run status = onMariaDb("status", Long.toString(id));
		Run latest = onMariaDb("status");
		Run executions = onMariaDb("executions", "illustrationJob", "--limit", "3");

		assertThat(status.exitCode()).isZero();
		assertThat(status.out()).contains("execution " + id + " of illustrationJob: COMPLETED")
			.contains("importPolicies").contains("calculateIllustrationsWorker:partition0")
			.contains("ran as process");
		assertThat(latest.out()).startsWith("execution " + id + " of illustrationJob");
		assertThat(executions.out().lines().skip(1)).hasSizeBetween(1, 3)
			.first()
			.asString()
			.startsWith(id + " ");
		assertThat(onMariaDb("executions", "noSuchJob").exitCode()).isEqualTo(ExitCodes.USAGE);

		// when the run ended 40 days ago
		try (Connection connection = DriverManager.getConnection(MARIADB, TestDatabase.username(),
				TestDatabase.password()); Statement statement = connection.createStatement()) {
			statement.executeUpdate("UPDATE BATCH_JOB_EXECUTION SET END_TIME = END_TIME - INTERVAL 40 DAY,"
					+ " CREATE_TIME = CREATE_TIME - INTERVAL 40 DAY WHERE JOB_EXECUTION_ID = " + id);
		}
		Run dryRun = onMariaDb("purge", "--older-than", "30d", "--dry-run");
		Run purge = onMariaDb("purge", "--older-than", "30d");

		assertThat(dryRun.out()).contains("would delete 1 runs (1 executions)");
		assertThat(purge.out()).contains("deleted 1 runs (1 executions)");
		assertThat(onMariaDb("status", Long.toString(id)).exitCode()).isEqualTo(ExitCodes.NOT_RESTARTABLE);
		assertThat(count(MARIADB, "SELECT COUNT(*) FROM illustration")).isEqualTo(illustrations);
		assertThat(count(MARIADB, "SELECT COUNT(*) FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = " + id)).isZero();
		assertThat(onMariaDb("purge", "--older-than", "soon").exitCode()).isEqualTo(ExitCodes.USAGE);
	}

	// The run's own error output together with everything logged meanwhile, which goes to the
	// process's standard error.
	private static long executionId(Run run) {
		Matcher matcher = EXECUTION.matcher(run.out());
		assertThat(matcher.find()).as(run.out()).isTrue();
		return Long.parseLong(matcher.group(1));
	}

	private static Run onMariaDb(String... args) {
		return Cli.onDatabase(MARIADB, args);
	}

	private static Run run(String... args) {
		return Cli.run(args);
	}

	private static long count(String url, String sql) throws Exception {
		try (Connection connection = DriverManager.getConnection(url, TestDatabase.username(), TestDatabase.password());
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

}
