package batch.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
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

import batch.BatchApplication;
import batch.testsupport.BatchProcess;
import batch.testsupport.GeneratedPolicies;
import batch.testsupport.TestDatabase;
import batch.testsupport.TestDatabase.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database failing under a run, with the application in a process of its own: its
 * connections killed, or the server shut down and started again, in the middle of the
 * calculation. The run ends FAILED with a message and exit code 1, what it committed is whole
 * chunks (rows and the step's counts agree), and {@code restart} finishes it with exactly the
 * exports of an uninterrupted run. The server is an embedded MariaDB of this class's own, the only
 * kind a test may stop.
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
	void connectionsKilledInTheMiddleOfTheCalculation() throws Exception {
		String database = server.newDatabaseUrl("killed");
		Path export = directory.resolve("after-killed-connections");
		BatchProcess child = launch(database, "illustrate", policies.toString(), "--export-dir", export.toString());
		long id = awaitCalculating(child, database);

		// the connection of a chunk, as it writes
		long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
		while (killChunkWrite(database) == 0) {
			assertThat(child.process().isAlive()).as("the child still runs").isTrue();
			assertThat(System.nanoTime()).as("a chunk's write seen in time").isLessThan(deadline);
		}

		assertFailedCleanly(child, database, id);
		Run restarted = inProcess(database, "restart", Long.toString(id));
		assertThat(restarted.exitCode()).as(restarted.out() + restarted.err()).isZero();
		assertSameExport(export);
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
		Run restarted = inProcess(database, "restart", Long.toString(id));
		assertThat(restarted.exitCode()).as(restarted.out() + restarted.err()).isZero();
		assertSameExport(export);
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

	// FAILED, exit code 1, a line saying why and how to restart, and every committed chunk whole:
	// the policies with results are exactly as many as the partitions say they wrote, and each has
	// its summary; nothing was exported.
	private static void assertFailedCleanly(BatchProcess child, String database, long id) throws Exception {
		assertThat(child.process().waitFor(2, TimeUnit.MINUTES)).as("the run ended").isTrue();
		assertThat(child.process().exitValue()).as(child.out() + child.err()).isEqualTo(ExitCodes.FAILED);
		// the summary names the lost connection; the log has the details
		assertThat(child.out()).contains("illustrationJob FAILED")
			.containsPattern("failed in calculateIllustrationsWorker:partition\\d: .*(connection|server)")
			.contains("restart it with: ./batch restart " + id)
			.doesNotContain("\tat ");
		assertThat(status(database, id)).as(child.err()).isEqualTo("FAILED");
		long written = TestDatabase.queryForLong(database, "SELECT COALESCE(SUM(WRITE_COUNT), 0) FROM BATCH_STEP_EXECUTION"
				+ " WHERE JOB_EXECUTION_ID = ? AND STEP_NAME LIKE 'calculateIllustrationsWorker:%'", id);
		assertThat(written).as("chunks committed before the fault").isPositive();
		assertThat(TestDatabase.queryForLong(database,
				"SELECT COUNT(DISTINCT policy_id) FROM illustration WHERE job_execution_id = ?", id))
			.isEqualTo(written);
		assertThat(TestDatabase.queryForLong(database,
				"SELECT COUNT(*) FROM illustration_summary WHERE job_execution_id = ?", id))
			.isEqualTo(written);
	}

	// Kills the connections that are writing a chunk's illustrations, not those of the job
	// repository; how many.
	private static int killChunkWrite(String database) throws SQLException {
		List<Long> ids = new ArrayList<>();
		try (Connection connection = connect(database);
				PreparedStatement statement = connection.prepareStatement("SELECT ID FROM information_schema.PROCESSLIST"
						+ " WHERE DB = ? AND ID <> CONNECTION_ID() AND INFO LIKE '%illustration%'"
						+ " AND INFO NOT LIKE '%BATCH\\_%'")) {
			statement.setString(1, connection.getCatalog());
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					ids.add(rs.getLong(1));
				}
			}
			int killed = 0;
			for (long process : ids) {
				try (Statement kill = connection.createStatement()) {
					kill.execute("KILL " + process);
					killed++;
				}
				catch (SQLException gone) {
					// it ended on its own in between
				}
			}
			return killed;
		}
	}

	private static void assertSameExport(Path export) {
		for (String file : List.of("illustrations.csv", "summary.csv", "rejects.csv")) {
			assertThat(export.resolve(file)).hasSameTextualContentAs(reference.resolve(file));
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
		long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		while (TestDatabase.queryForLong(database, "SELECT COUNT(*) FROM BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = ?"
				+ " AND STEP_NAME LIKE 'calculateIllustrationsWorker:%' AND WRITE_COUNT > 0", id) < 2) {
			assertThat(child.process().isAlive()).as("the child still runs: " + child.err()).isTrue();
			assertThat(System.nanoTime()).as("the calculation started in time").isLessThan(deadline);
			Thread.sleep(100);
		}
		return id;
	}

	private static String status(String database, long id) throws SQLException {
		try (Connection connection = connect(database);
				PreparedStatement statement = connection
					.prepareStatement("SELECT STATUS FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?")) {
			statement.setLong(1, id);
			try (ResultSet rs = statement.executeQuery()) {
				rs.next();
				return rs.getString(1);
			}
		}
	}

	private static Connection connect(String database) throws SQLException {
		return DriverManager.getConnection(database, "root", "");
	}

	private static Run inProcess(String database, String... args) {
		List<String> all = new ArrayList<>(List.of(args));
		all.addAll(List.of("--spring.datasource.url=" + database, "--spring.datasource.username=root",
				"--spring.datasource.password=", "--batch.partition.grid-size=2"));
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int code = new BatchCli(BatchApplication.class, new PrintWriter(out, true), new PrintWriter(err, true))
			.run(all.toArray(String[]::new));
		return new Run(code, out.toString(), err.toString());
	}

	private record Run(int exitCode, String out, String err) {

	}

}
