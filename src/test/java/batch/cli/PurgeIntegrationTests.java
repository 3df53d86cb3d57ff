package batch.cli;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import batch.testsupport.Cli;
import batch.testsupport.Cli.Run;
import batch.testsupport.GeneratedPolicies;
import batch.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Purge keeps the old runs that can still be restarted unless told otherwise, and its dry run
 * lists the executions it would delete, after the summary line scripts read.
 */
class PurgeIntegrationTests {

	private static final Pattern EXECUTION = Pattern.compile("^execution (\\d+)$", Pattern.MULTILINE);

	private static final String DATABASE = TestDatabase.newDatabaseUrl("purge");

	@TempDir
	static Path directory;

	static long completed;

	static long stopped;

	@BeforeAll
	static void aCompletedRunAndAStoppedOneEndedFortyDaysAgo() throws Exception {
		Path small = GeneratedPolicies.write(directory.resolve("small.csv"), 50, 3, 0).file();
		Path large = GeneratedPolicies.write(directory.resolve("large.csv"), 20000, 4, 0).file();
		Run done = Cli.onDatabase(DATABASE, "illustrate", small.toString());
		assertThat(done.exitCode()).as(done.err()).isZero();
		completed = executionId(done);

		CompletableFuture<Run> running = CompletableFuture
			.supplyAsync(() -> Cli.onDatabase(DATABASE, "illustrate", large.toString()));
		long id = awaitStartedAfter(completed, running);
		Run stop = Cli.onDatabase(DATABASE, "stop", Long.toString(id), "--wait");
		Run stoppedRun = running.get(5, TimeUnit.MINUTES);
		assertThat(stop.exitCode()).as(stop.err()).isZero();
		assertThat(stoppedRun.exitCode()).as(stoppedRun.out()).isEqualTo(ExitCodes.STOPPED);
		stopped = id;

		try (Connection connection = TestDatabase.connect(DATABASE);
				PreparedStatement age = connection.prepareStatement("UPDATE BATCH_JOB_EXECUTION"
						+ " SET END_TIME = END_TIME - INTERVAL 40 DAY, CREATE_TIME = CREATE_TIME - INTERVAL 40 DAY")) {
			age.executeUpdate();
		}
	}

	@Test
	void aStoppedRunIsKeptUnlessRestartableRunsAreIncludedAndTheDryRunListsWhatWouldGo() throws Exception {
		Run dryRun = Cli.onDatabase(DATABASE, "purge", "--older-than", "30d", "--dry-run");
		Run dryRunWithRestartable = Cli.onDatabase(DATABASE, "purge", "--older-than", "30d", "--dry-run",
				"--include-restartable");
		Run purge = Cli.onDatabase(DATABASE, "purge", "--older-than", "30d");
		Run stoppedStatus = Cli.onDatabase(DATABASE, "status", Long.toString(stopped));
		Run purgeRestartable = Cli.onDatabase(DATABASE, "purge", "--older-than", "30d", "--include-restartable");

		List<String> dry = dryRun.out().lines().toList();
		assertThat(dry.get(0)).isEqualTo("would delete 1 runs (1 executions) that ended more than 30d ago;"
				+ " kept 1 that can still be restarted (--include-restartable deletes them)");
		assertThat(dry).hasSize(2);
		assertThat(dry.get(1)).matches("  " + completed + " +illustrationJob +COMPLETED +\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(Z|[+-]\\d\\d:\\d\\d)");
		List<String> dryAll = dryRunWithRestartable.out().lines().toList();
		assertThat(dryAll.get(0)).isEqualTo("would delete 2 runs (2 executions) that ended more than 30d ago");
		assertThat(dryAll.subList(1, dryAll.size())).hasSize(2)
			.anyMatch((line) -> line.matches("  " + completed + " +illustrationJob +COMPLETED .*"))
			.anyMatch((line) -> line.matches("  " + stopped + " +illustrationJob +STOPPED +\\d{4}-.*"));
		assertThat(purge.out()).isEqualTo("deleted 1 runs (1 executions) that ended more than 30d ago;"
				+ " kept 1 that can still be restarted (--include-restartable deletes them)\n");
		assertThat(stoppedStatus.exitCode()).as(stoppedStatus.err()).isZero();
		assertThat(stoppedStatus.out()).contains("execution " + stopped + " of illustrationJob: STOPPED");
		assertThat(purgeRestartable.out()).startsWith("deleted 1 runs (1 executions)");
		assertThat(count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID IN (?, ?)")).isZero();
		assertThat(Cli.onDatabase(DATABASE, "restart", Long.toString(stopped)).exitCode())
			.isEqualTo(ExitCodes.NOT_RESTARTABLE);
	}

	// the run of the large file, once it is recorded: the next execution after the completed one
	private static long awaitStartedAfter(long previous, CompletableFuture<Run> running) throws Exception {
		long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		while (true) {
			long id = TestDatabase.queryForLong(DATABASE, "SELECT COALESCE(MAX(JOB_EXECUTION_ID), 0)"
					+ " FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID > ? AND STATUS = 'STARTED'", previous);
			if (id > 0) {
				return id;
			}
			assertThat(running).as("the run of the large file still runs").isNotDone();
			assertThat(System.nanoTime()).as("the run of the large file started in time").isLessThan(deadline);
			Thread.sleep(50);
		}
	}

	private static long count(String sql) throws Exception {
		try (Connection connection = TestDatabase.connect(DATABASE);
				PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setLong(1, completed);
			statement.setLong(2, stopped);
			try (var rs = statement.executeQuery()) {
				rs.next();
				return rs.getLong(1);
			}
		}
	}

	private static long executionId(Run run) {
		Matcher matcher = EXECUTION.matcher(run.out());
		assertThat(matcher.find()).as(run.out()).isTrue();
		return Long.parseLong(matcher.group(1));
	}

}
