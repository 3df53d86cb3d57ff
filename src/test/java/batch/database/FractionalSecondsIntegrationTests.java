package batch.database;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
 * The job repository on MariaDB keeps the fractions of a second of its times: a short run is
 * reported as long as it took, not as 0.0 s; tables made with whole-second columns get their
 * microseconds at the next start, unless the schema is the operator's, who is told what to run.
 */
class FractionalSecondsIntegrationTests {

	private static final Pattern SUMMARY = Pattern.compile("^illustrationJob COMPLETED in (\\d+\\.\\d) s$",
			Pattern.MULTILINE);

	private static final Pattern EXECUTION = Pattern.compile("^execution (\\d+)$", Pattern.MULTILINE);

	private static final String TIMES = "CREATE_TIME, START_TIME, END_TIME, LAST_UPDATED";

	@TempDir
	static Path directory;

	static Path policies;

	@BeforeAll
	static void generate() throws Exception {
		policies = GeneratedPolicies.write(directory.resolve("policies.csv"), 200, 5, 0.05).file();
	}

	@Test
	void aShortRunsTimesKeepTheirFractionsAndItsDurationIsReportedAsItWas() throws Exception {
		String url = TestDatabase.newDatabaseUrl("fractions");

		Run run = Cli.onDatabase(url, "illustrate", policies.toString());

		assertThat(run.exitCode()).as(run.err()).isZero();
		long id = executionId(run);
		List<Long> micros = microseconds(url, "BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = " + id);
		micros.addAll(microseconds(url, "BATCH_STEP_EXECUTION WHERE JOB_EXECUTION_ID = " + id));
		assertThat(micros).hasSizeGreaterThan(8);
		// a time that falls on a whole second is one chance in a million
		assertThat(micros.stream().filter((micro) -> micro == 0)).hasSizeLessThanOrEqualTo(1);
		long took = TestDatabase.queryForLong(url, "SELECT TIMESTAMPDIFF(MICROSECOND, START_TIME, END_TIME)"
				+ " FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?", id);
		assertThat(took % 1_000_000).as("a duration of whole seconds: %d µs", took).isNotZero();
		Matcher summary = SUMMARY.matcher(run.out());
		assertThat(summary.find()).as(run.out()).isTrue();
		assertThat(summary.group(1)).isEqualTo(String.format(Locale.ROOT, "%.1f", took / 1e6));
	}

	@Test
	void wholeSecondColumnsGetTheirFractionsAtTheNextStartOnceAndOnlyWhereTheSchemaIsOurs() throws Exception {
		String url = TestDatabase.newDatabaseUrl("whole_seconds");
		assertThat(Cli.onDatabase(url, "executions").exitCode()).isZero();
		// as tables from an old script of Spring Batch's, or made by hand, have them
		execute(url, "ALTER TABLE BATCH_JOB_EXECUTION MODIFY CREATE_TIME DATETIME NOT NULL,"
				+ " MODIFY START_TIME DATETIME DEFAULT NULL, MODIFY END_TIME DATETIME DEFAULT NULL,"
				+ " MODIFY LAST_UPDATED DATETIME");
		execute(url, "ALTER TABLE BATCH_STEP_EXECUTION MODIFY START_TIME DATETIME DEFAULT NULL");

		Run theirs = Cli.withLogs(
				() -> Cli.onDatabase(url, "executions", "--spring.batch.jdbc.initialize-schema=never"));
		List<String> untouched = columns(url);
		Run first = Cli.withLogs(() -> Cli.onDatabase(url, "illustrate", policies.toString()));
		Run second = Cli.withLogs(() -> Cli.onDatabase(url, "executions"));

		assertThat(theirs.exitCode()).isZero();
		assertThat(theirs.err()).contains("to keep their fractions, run: ALTER TABLE BATCH_JOB_EXECUTION"
				+ " MODIFY CREATE_TIME DATETIME(6) NOT NULL, MODIFY START_TIME DATETIME(6) NULL DEFAULT NULL");
		assertThat(untouched).contains("BATCH_JOB_EXECUTION.CREATE_TIME datetime NO",
				"BATCH_STEP_EXECUTION.START_TIME datetime YES");
		assertThat(first.exitCode()).as(first.err()).isZero();
		assertThat(first.err()).contains("now keep their fractions of a second: ALTER TABLE BATCH_JOB_EXECUTION")
			.contains("now keep their fractions of a second: ALTER TABLE BATCH_STEP_EXECUTION MODIFY START_TIME");
		assertThat(columns(url)).containsExactlyInAnyOrder("BATCH_JOB_EXECUTION.CREATE_TIME datetime(6) NO",
				"BATCH_JOB_EXECUTION.START_TIME datetime(6) YES", "BATCH_JOB_EXECUTION.END_TIME datetime(6) YES",
				"BATCH_JOB_EXECUTION.LAST_UPDATED datetime(6) YES", "BATCH_STEP_EXECUTION.CREATE_TIME datetime(6) NO",
				"BATCH_STEP_EXECUTION.START_TIME datetime(6) YES", "BATCH_STEP_EXECUTION.END_TIME datetime(6) YES",
				"BATCH_STEP_EXECUTION.LAST_UPDATED datetime(6) YES");
		long id = executionId(first);
		assertThat(microseconds(url, "BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = " + id)
			.stream()
			.filter((micro) -> micro != 0)).hasSizeGreaterThanOrEqualTo(3);
		assertThat(second.exitCode()).isZero();
		assertThat(second.err()).doesNotContain("fractions");
	}

	private static long executionId(Run run) {
		Matcher matcher = EXECUTION.matcher(run.out());
		assertThat(matcher.find()).as(run.out()).isTrue();
		return Long.parseLong(matcher.group(1));
	}

	// the microseconds of each time of the rows, as the server has them
	private static List<Long> microseconds(String url, String rows) throws Exception {
		List<Long> micros = new ArrayList<>();
		try (Connection connection = TestDatabase.connect(url); Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT MICROSECOND(CREATE_TIME), MICROSECOND(START_TIME),"
						+ " MICROSECOND(END_TIME), MICROSECOND(LAST_UPDATED) FROM " + rows)) {
			while (rs.next()) {
				for (int column = 1; column <= TIMES.split(", ").length; column++) {
					micros.add(rs.getLong(column));
				}
			}
		}
		return micros;
	}

	private static List<String> columns(String url) throws Exception {
		return TestDatabase.queryForStrings(url, "SELECT CONCAT(TABLE_NAME, '.', COLUMN_NAME, ' ', COLUMN_TYPE, ' ',"
				+ " IS_NULLABLE) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()"
				+ " AND TABLE_NAME IN ('BATCH_JOB_EXECUTION', 'BATCH_STEP_EXECUTION')"
				+ " AND COLUMN_NAME IN (" + "'" + TIMES.replace(", ", "', '") + "')");
	}

	private static void execute(String url, String sql) throws Exception {
		try (Connection connection = TestDatabase.connect(url); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
