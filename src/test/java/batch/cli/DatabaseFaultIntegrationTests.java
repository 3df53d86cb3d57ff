package batch.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import batch.testsupport.BatchProcess;
import batch.testsupport.Cli;
import batch.testsupport.Cli.Run;
import batch.testsupport.GeneratedContracts;
import batch.testsupport.GeneratedPolicies;
import batch.testsupport.TestDatabase;
import batch.testsupport.TestDatabase.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database failing under a run, with the application in a process of its own: the connection
 * of a chunk killed as it writes (in the import, the calculation, and cashFlowJob's projection),
 * or the server shut down and started again in the middle of the calculation. The run ends FAILED
 * with a message and exit code 1, what it committed is whole chunks (rows and the step's counts
 * agree), and {@code restart} finishes it with exactly the exports of an uninterrupted run. The
 * server is an embedded MariaDB of this class's own, the only kind a test may stop.
 */
class DatabaseFaultIntegrationTests {

	private static final Pattern EXECUTION = Pattern.compile("(?m)^execution (\\d+)$");

	private static final EmbeddedServer server = TestDatabase.dedicatedServer("faults");

	@TempDir
	static Path directory;

	static Path policies;

	static Path reference;

	@BeforeAll
	static void uninterruptedRun() throws IOException {
		policies = GeneratedPolicies.write(directory.resolve("policies.csv"), 12000, 13, 0.02).file();
		reference = directory.resolve("reference");
		Run run = inProcess(server.newDatabaseUrl("reference"), "illustrate", policies.toString(), "--export-dir",
				reference.toString());
		assertThat(run.exitCode()).as(run.err()).isZero();
	}

	@AfterAll
	static void stopServer() {
		server.stop();
	}

	@Test
	void connectionKilledInTheMiddleOfTheImport() throws Exception {
		String database = server.newDatabaseUrl("killed_import");
		Path export = directory.resolve("after-killed-import");
		BatchProcess child = launch(database, "illustrate", policies.toString(), "--export-dir", export.toString());
		long id = Long.parseLong(child.await(EXECUTION, Duration.ofMinutes(2)).group(1));
		awaitWrites(child, database, id, "importPolicies", 1);

		killChunkWrite(child, database, "policy");

		assertFailed(child, database, id, "failed: ");
		long instance = TestDatabase.queryForLong(database,
				"SELECT JOB_INSTANCE_ID FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?", id);
		long written = TestDatabase.queryForLong(database, "SELECT WRITE_COUNT FROM BATCH_STEP_EXECUTION"
				+ " WHERE JOB_EXECUTION_ID = ? AND STEP_NAME = 'importPolicies'", id);
		assertThat(written).as("chunks committed before the fault").isPositive().isLessThan(11766);
		assertThat(TestDatabase.queryForLong(database, "SELECT COUNT(*) FROM run_policy WHERE job_instance_id = ?",
				instance))
			.isEqualTo(written);
		assertRestartFinishes(database, id, export);
	}

	@Test
	void connectionKilledInTheMiddleOfTheCalculation() throws Exception {
		String database = server.newDatabaseUrl("killed");
		Path export = directory.resolve("after-killed-connection");
		BatchProcess child = launch(database, "illustrate", policies.toString(), "--export-dir", export.toString());
		long id = awaitCalculating(child, database);

		killChunkWrite(child, database, "illustration");

		assertFailedCleanly(child, database, id);
		assertRestartFinishes(database, id, export);
	}

	@Test
	void connectionKilledInTheMiddleOfTheCashFlows() throws Exception {
		GeneratedContracts contracts = GeneratedContracts.write(directory, "contracts", 5000, 21, 0.05);
		List<String> inputs = List.of(contracts.contracts().toString(), "--observations",
				contracts.observations().toString(), "--curves", contracts.curves().toString());
		Path uninterrupted = directory.resolve("cash-flows-uninterrupted");
		Run reference = inProcess(server.newDatabaseUrl("cashflow_reference"),
				concat(List.of("cashflow"), inputs, List.of("--export-dir", uninterrupted.toString())));
		assertThat(reference.exitCode()).as(reference.err()).isZero();
		String database = server.newDatabaseUrl("killed_cashflow");
		Path export = directory.resolve("after-killed-cash-flows");
		BatchProcess child = launch(database, concat(List.of("cashflow"), inputs, List.of("--export-dir", export.toString())));
		long id = Long.parseLong(child.await(EXECUTION, Duration.ofMinutes(2)).group(1));
		awaitWrites(child, database, id, "projectCashFlowsWorker:%", 2);

		killChunkWrite(child, database, "cash_flow");

		assertFailed(child, database, id, "cashFlowJob", "failed in projectCashFlowsWorker:partition");
		long written = writtenByPartitions(database, id, "projectCashFlowsWorker");
		assertThat(TestDatabase.queryForLong(database,
				"SELECT COUNT(*) FROM contract_valuation WHERE job_execution_id = ?", id))
			.isEqualTo(written);
		assertRestartFinishes(database, id, export, uninterrupted,
				List.of("cash-flows.csv", "valuations.csv", "rejects.csv"));
	}

	@SafeVarargs
	private static String[] concat(List<String>... parts) {
		return Stream.of(parts).flatMap(List::stream).toArray(String[]::new);
	}

	@Test
	void serverRestartedInTheMiddleOfTheCalculation() throws Exception {
		String database = server.newDatabaseUrl("restarted");
		Path export = directory.resolve("after-server-restart");
		BatchProcess child = launch(database, "illustrate", policies.toString(), "--export-dir", export.toString());
		long id = awaitCalculating(child, database);

		server.stop();
		Thread.sleep(2000);
		server.start();

		assertFailedCleanly(child, database, id);
		assertRestartFinishes(database, id, export);
	}

	// Where the database stayed out of reach until the run ended, the run and its steps stay
	// UNKNOWN, which Spring Batch refuses to restart: restart marks them FAILED, then resumes.
	@Test
	void aRunRecordedUnknownRestarts() throws Exception {
		String database = server.newDatabaseUrl("unknown");
		Path sample = directory.resolve("sample.csv");
		GeneratedPolicies.write(sample, 60, 5, 0);
		Run first = inProcess(database, "illustrate", sample.toString(), "--export-dir",
				directory.resolve("unknown-first").toString());
		assertThat(first.exitCode()).as(first.err()).isZero();
		long id = Long.parseLong(EXECUTION.matcher(first.out()).results().findFirst().orElseThrow().group(1));
		Path before = Files.copy(directory.resolve("unknown-first").resolve("illustrations.csv"),
				directory.resolve("unknown-before.csv"));
		try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
			statement.executeUpdate("UPDATE BATCH_JOB_EXECUTION SET STATUS = 'UNKNOWN', EXIT_CODE = 'UNKNOWN'"
					+ " WHERE JOB_EXECUTION_ID = " + id);
			statement.executeUpdate("UPDATE BATCH_STEP_EXECUTION SET STATUS = 'UNKNOWN', EXIT_CODE = 'UNKNOWN'"
					+ " WHERE JOB_EXECUTION_ID = " + id + " AND STEP_NAME IN ('calculateIllustrations',"
					+ " 'calculateIllustrationsWorker:partition1', 'exportIllustrations')");
		}

		Run recover = inProcess(database, "recover", Long.toString(id));
		Run restarted = inProcess(database, "restart", Long.toString(id));

		assertThat(recover.exitCode()).isEqualTo(ExitCodes.NOT_RESTARTABLE);
		assertThat(recover.err()).contains("is UNKNOWN: there is nothing to recover; restart it");
		assertThat(restarted.exitCode()).as(restarted.out() + restarted.err()).isZero();
		assertThat(restarted.out()).contains("illustrationJob COMPLETED");
		assertThat(TestDatabase.queryForStrings(database, "SELECT DISTINCT STATUS FROM BATCH_STEP_EXECUTION"
				+ " WHERE JOB_EXECUTION_ID = " + id + " AND EXIT_CODE = 'UNKNOWN'")).containsExactly("FAILED");
		assertThat(directory.resolve("unknown-first").resolve("illustrations.csv")).hasSameTextualContentAs(before);
	}

	// FAILED, and every committed chunk whole: the policies with results are exactly as many as the
	// partitions say they wrote, and each has its summary.
	private static void assertFailedCleanly(BatchProcess child, String database, long id) throws Exception {
		assertFailed(child, database, id, "failed in calculateIllustrationsWorker:partition");
		long written = writtenByPartitions(database, id, "calculateIllustrationsWorker");
		assertThat(TestDatabase.queryForLong(database,
				"SELECT COUNT(DISTINCT policy_id) FROM illustration WHERE job_execution_id = ?", id))
			.isEqualTo(written);
		assertThat(TestDatabase.queryForLong(database,
				"SELECT COUNT(*) FROM illustration_summary WHERE job_execution_id = ?", id))
			.isEqualTo(written);
	}

	// FAILED, exit code 1, and the summary naming the lost connection (the log has the details) and
	// how to restart.
	private static void assertFailed(BatchProcess child, String database, long id, String failure) throws Exception {
		assertFailed(child, database, id, "illustrationJob", failure);
	}

	private static void assertFailed(BatchProcess child, String database, long id, String job, String failure)
			throws Exception {
		assertThat(child.process().waitFor(2, TimeUnit.MINUTES)).as("the run ended").isTrue();
		assertThat(child.process().exitValue()).as(child.out() + child.err()).isEqualTo(ExitCodes.FAILED);
		assertThat(child.out()).contains(job + " FAILED")
			.containsPattern(Pattern.quote(failure) + ".*the database connection was lost")
			.contains("restart it with: ./batch restart " + id)
			.doesNotContain("\tat ");
		assertThat(status(database, id)).as(child.err()).isEqualTo("FAILED");
	}

	// Kills the connection of a chunk as it writes to a table named like {@code table}, not those of
	// the job repository.
	private static void killChunkWrite(BatchProcess child, String database, String table) throws Exception {
		long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
		try (Connection connection = connect(database);
				PreparedStatement writers = connection.prepareStatement("SELECT ID FROM information_schema.PROCESSLIST"
						+ " WHERE DB = DATABASE() AND ID <> CONNECTION_ID() AND INFO LIKE CONCAT('%', ?, '%')"
						+ " AND INFO NOT LIKE '%BATCH\\_%'")) {
			writers.setString(1, table);
			while (true) {
				assertThat(child.process().isAlive()).as("the child still runs").isTrue();
				assertThat(System.nanoTime()).as("a chunk's write seen in time").isLessThan(deadline);
				try (ResultSet rs = writers.executeQuery()) {
					while (rs.next()) {
						try (Statement kill = connection.createStatement()) {
							kill.execute("KILL " + rs.getLong(1));
							return;
						}
						catch (SQLException gone) {
							// it ended on its own in between
						}
					}
				}
			}
		}
	}

	// The items the partitions of a worker step committed before the fault: some.
	private static long writtenByPartitions(String database, long id, String workerStep) throws SQLException {
		long written = TestDatabase.queryForLong(database, "SELECT COALESCE(SUM(WRITE_COUNT), 0)"
				+ " FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = ? AND STEP_NAME LIKE '" + workerStep + ":%'", id);
		assertThat(written).as("chunks committed before the fault").isPositive();
		return written;
	}

	// restart completes the illustration run, which then exports what an uninterrupted run exports
	private static void assertRestartFinishes(String database, long id, Path export) {
		assertRestartFinishes(database, id, export, reference, List.of("illustrations.csv", "summary.csv", "rejects.csv"));
	}

	private static void assertRestartFinishes(String database, long id, Path export, Path uninterrupted,
			List<String> files) {
		Run restarted = inProcess(database, "restart", Long.toString(id));
		assertThat(restarted.exitCode()).as(restarted.out() + restarted.err()).isZero();
		for (String file : files) {
			assertThat(export.resolve(file)).hasSameTextualContentAs(uninterrupted.resolve(file));
		}
	}

	// With small chunks, so that it is mid-calculation for a while.
	private static BatchProcess launch(String database, String... args) {
		List<String> all = new ArrayList<>(List.of(args));
		all.addAll(List.of("--spring.datasource.url=" + database, "--spring.datasource.username=root",
				"--spring.datasource.password=", "--batch.chunk-size=50", "--batch.partition.grid-size=2",
				"--batch.operations.heartbeat-interval=1s"));
		return BatchProcess.start(directory, all);
	}

	// The run's id, once both partitions of its calculation have committed chunks.
	private static long awaitCalculating(BatchProcess child, String database) throws Exception {
		long id = Long.parseLong(child.await(EXECUTION, Duration.ofMinutes(2)).group(1));
		awaitWrites(child, database, id, "calculateIllustrationsWorker:%", 2);
		return id;
	}

	// Until as many steps named like {@code steps} have committed chunks.
	private static void awaitWrites(BatchProcess child, String database, long id, String steps, int count)
			throws Exception {
		long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		while (TestDatabase.queryForStrings(database, "SELECT STEP_NAME FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = "
				+ id + " AND STEP_NAME LIKE '" + steps + "' AND WRITE_COUNT > 0").size() < count) {
			assertThat(child.process().isAlive()).as("the child still runs: " + child.err()).isTrue();
			assertThat(System.nanoTime()).as(steps + " writing in time").isLessThan(deadline);
			Thread.sleep(20);
		}
	}

	private static String status(String database, long id) throws SQLException {
		return TestDatabase
			.queryForStrings(database, "SELECT STATUS FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = " + id)
			.get(0);
	}

	private static Connection connect(String database) throws SQLException {
		return DriverManager.getConnection(database, "root", "");
	}

	private static Run inProcess(String database, String... args) {
		List<String> all = new ArrayList<>(List.of(args));
		all.addAll(List.of("--spring.datasource.url=" + database, "--spring.datasource.username=root",
				"--spring.datasource.password=", "--batch.partition.grid-size=2"));
		return Cli.run(all.toArray(String[]::new));
	}

}
