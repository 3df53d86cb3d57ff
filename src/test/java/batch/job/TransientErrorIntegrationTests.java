package batch.job;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import batch.testsupport.GeneratedPolicies;
import batch.testsupport.TestDatabase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lock conflicts made by a second session on a real MariaDB while illustrationJob writes: a lock
 * wait timeout and a deadlock that InnoDB resolves by rolling the chunk's transaction back. The
 * chunk is retried, the retries are counted, and the run completes with every row written by it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "batch.chunk-size=100", "batch.partition.grid-size=1", "batch.partition.threads=1",
				"batch.retry.max-retries=10", "batch.retry.delay=100ms", "batch.retry.max-delay=1s" })
@SpringBatchTest
class TransientErrorIntegrationTests {

	private static final String DATABASE = TestDatabase.newDatabaseUrl("transient_errors");

	// the application's sessions give up on a lock after 3 s instead of 50
	private static final String APPLICATION_DATABASE = DATABASE + "?sessionVariables=innodb_lock_wait_timeout=3";

	private static final Duration PATIENCE = Duration.ofSeconds(90);

	@TempDir
	static Path directory;

	static GeneratedPolicies policies;

	@Autowired
	private JobOperatorTestUtils jobs;

	@Autowired
	private Job illustrationJob;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private MeterRegistry registry;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry, APPLICATION_DATABASE);
	}

	@BeforeAll
	static void generate() throws Exception {
		policies = GeneratedPolicies.write(directory.resolve("policies.csv"), 600, 7, 0.05);
	}

	@BeforeEach
	void illustrationJobUnderTest() {
		this.jobs.setJob(this.illustrationJob);
	}

	@Test
	void aChunkThatWaitsTooLongForALockIsRetriedUntilTheLockIsReleased() throws Exception {
		double before = count("lock_wait_timeout", "retried");
		try (Connection other = TestDatabase.connect(DATABASE)) {
			// given another session that holds every summary row and the gaps between them
			other.setAutoCommit(false);
			other.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
			lockAll(other, "illustration_summary");

			// when the job runs into it, and the session lets go after two timeouts
			CompletableFuture<JobExecution> run = start();
			await(() -> count("lock_wait_timeout", "retried") >= before + 2, run);
			other.rollback();

			// then the run completes, every row written by it, after the retries counted
			assertCompletedWithEveryRow(run.get(PATIENCE.toSeconds(), TimeUnit.SECONDS));
		}
		assertThat(count("lock_wait_timeout", "exhausted")).isZero();
	}

	@ParameterizedTest(name = "{0}: holding {1}, then asking for {2}")
	@CsvSource({ "calculateIllustrationsWorker, illustration_summary, illustration",
			"importPolicies, run_policy, rejected_record" })
	void aChunkChosenAsADeadlockVictimIsRetriedWhole(String step, String held, String asked) throws Exception {
		assertThat(policies.expectedRejects().keySet()).as("a reject in the first chunk").anyMatch((line) -> line <= 101);
		double before = count(step, "deadlock", "retried");
		try (Connection other = TestDatabase.connect(DATABASE)) {
			// given another session, heavier than any chunk so that InnoDB picks the chunk as the
			// victim, holding every row of a table the chunk writes last and the gaps between them
			try (Statement statement = other.createStatement()) {
				statement.execute("CREATE TABLE IF NOT EXISTS ballast (n INT PRIMARY KEY) ENGINE=InnoDB");
				statement.execute("CREATE TABLE IF NOT EXISTS digit (d INT PRIMARY KEY) ENGINE=InnoDB");
				statement.execute("INSERT IGNORE INTO digit VALUES (0),(1),(2),(3),(4),(5),(6),(7),(8),(9)");
			}
			other.setAutoCommit(false);
			other.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
			try (Statement statement = other.createStatement()) {
				statement.execute("INSERT INTO ballast SELECT a.d + 10 * b.d + 100 * c.d + 1000 * e.d + 10000 * f.d"
						+ " FROM digit a, digit b, digit c, digit e, digit f");
			}
			lockAll(other, held);

			// when a chunk has written its first rows and timed out waiting for that table (only
			// the statement is rolled back), and the session then asks for those first rows
			double waits = count(step, "lock_wait_timeout", "retried");
			CompletableFuture<JobExecution> run = start();
			await(() -> count(step, "lock_wait_timeout", "retried") > waits, run);
			lockAll(other, asked);

			// then InnoDB rolls the chunk back, the session goes on, and the chunk is retried whole
			await(() -> count(step, "deadlock", "retried") > before, run);
			other.rollback();
			assertCompletedWithEveryRow(run.get(PATIENCE.toSeconds(), TimeUnit.SECONDS));
		}
		assertThat(count(step, "deadlock", "exhausted")).isZero();
	}

	private CompletableFuture<JobExecution> start() {
		return Runs.start(this.jobs, policies.file());
	}

	private void assertCompletedWithEveryRow(JobExecution execution) {
		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		long valid = 600 - policies.expectedRejects().size();
		assertThat(count("SELECT COUNT(*) FROM illustration_summary WHERE job_execution_id = ?", execution.getId()))
			.isEqualTo(valid);
		assertThat(count("SELECT COUNT(*) FROM illustration WHERE job_execution_id = ?", execution.getId()))
			.isEqualTo(count("SELECT SUM(policy_term) FROM policy"))
			.isEqualTo(count("SELECT COUNT(*) FROM illustration"));
		assertThat(count("SELECT COUNT(*) FROM rejected_record WHERE job_execution_id = ?", execution.getId()))
			.isEqualTo(policies.expectedRejects().size());
	}

	private static void lockAll(Connection connection, String table) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT * FROM " + table + " WHERE "
						+ (table.equals("illustration") || table.equals("illustration_summary") ? "policy_id" : "job_instance_id")
						+ " >= 0 FOR UPDATE")) {
			while (rows.next()) {
				// locked as read
			}
		}
	}

	private double count(String kind, String outcome) {
		return count("calculateIllustrationsWorker", kind, outcome);
	}

	private double count(String step, String kind, String outcome) {
		Counter counter = this.registry.find("batch.transient.errors")
			.tag("step", step)
			.tag("error", kind)
			.tag("outcome", outcome)
			.counter();
		return (counter != null) ? counter.count() : 0;
	}

	private long count(String sql, Object... args) {
		Long value = this.jdbc.queryForObject(sql, Long.class, args);
		return (value != null) ? value : 0;
	}

	private static void await(BooleanSupplier condition, CompletableFuture<JobExecution> run)
			throws InterruptedException {
		long deadline = System.nanoTime() + PATIENCE.toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(run).as("the run, still going while the condition is awaited").isNotDone();
			assertThat(System.nanoTime()).as("in time").isLessThan(deadline);
			Thread.sleep(50);
		}
	}

	// Not a method of the test class: @SpringBatchTest takes any method returning a JobExecution,
	// lambdas included, for the scopes' own.
	private static final class Runs {

		static CompletableFuture<JobExecution> start(JobOperatorTestUtils jobs, Path input) {
			JobParametersBuilder parameters = new JobParametersBuilder()
				.addString(IllustrationJobParameters.INPUT, input.toString())
				.addString(IllustrationJobParameters.RUN_ID, UUID.randomUUID().toString());
			return CompletableFuture.supplyAsync(() -> {
				try {
					return jobs.startJob(parameters.toJobParameters());
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			});
		}

	}

}
