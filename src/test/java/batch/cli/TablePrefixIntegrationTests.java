package batch.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
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
 * Both jobs, their exports and the operator commands on a database whose Spring Batch tables
 * have another prefix ({@code spring.batch.jdbc.table-prefix=OPS_}), created by the operator from
 * Spring Batch's own script: nothing reads or writes a {@code BATCH_} table.
 */
class TablePrefixIntegrationTests {

	private static final String DATABASE = TestDatabase.newDatabaseUrl("prefix");

	private static final Pattern EXECUTION = Pattern.compile("(?m)^execution (\\d+)$");

	@TempDir
	static Path directory;

	@BeforeAll
	static void batchTablesWithAnotherPrefix() throws IOException, SQLException {
		String script;
		try (InputStream in = TablePrefixIntegrationTests.class
			.getResourceAsStream("/org/springframework/batch/core/schema-mysql.sql")) {
			script = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("BATCH_", "OPS_");
		}
		String server = DATABASE.substring(0, DATABASE.lastIndexOf('/'));
		String name = DATABASE.substring(DATABASE.lastIndexOf('/') + 1);
		try (Connection connection = TestDatabase.connect(server); Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + name);
		}
		try (Connection connection = TestDatabase.connect(DATABASE);
				Statement statement = connection.createStatement()) {
			for (String sql : script.replaceAll("(?m)^--.*$", "").split(";")) {
				if (!sql.isBlank()) {
					statement.execute(sql);
				}
			}
		}
	}

	@Test
	void bothJobsAndTheOperatorCommandsUseThePrefix() throws SQLException {
		Run cashFlows = run("cashflow", "sample-data/contracts.csv", "--observations", "sample-data/observations.csv",
				"--curves", "sample-data/curves.csv", "--export-dir", directory.resolve("cashflow").toString());
		Run illustrations = run("illustrate", "sample-data/policies.csv", "--export-dir",
				directory.resolve("illustration").toString());

		assertThat(cashFlows.exitCode()).as(cashFlows.out() + cashFlows.err()).isZero();
		assertThat(illustrations.exitCode()).as(illustrations.out() + illustrations.err()).isZero();
		assertThat(directory.resolve("cashflow/cash-flows.csv")).content().hasLineCount(
				(int) TestDatabase.rowCount(DATABASE, "cash_flow") + 1);
		assertThat(directory.resolve("cashflow/valuations.csv")).content().hasLineCount(
				(int) TestDatabase.rowCount(DATABASE, "contract_valuation") + 1);
		assertThat(TestDatabase.rowCount(DATABASE, "cash_flow")).isPositive();
		assertThat(directory.resolve("illustration/illustrations.csv")).isNotEmptyFile();
		long id = executionId(cashFlows);
		Run status = run("status", Long.toString(id));
		assertThat(status.exitCode()).as(status.err()).isZero();
		assertThat(status.out()).contains("execution " + id + " of cashFlowJob: COMPLETED");
		Run executions = run("executions");
		assertThat(executions.out()).contains("cashFlowJob").contains("illustrationJob");
		assertThat(TestDatabase.rowCount(DATABASE, "OPS_JOB_EXECUTION")).isEqualTo(2);
		assertThat(TestDatabase.queryForStrings(DATABASE, "SELECT TABLE_NAME FROM information_schema.TABLES"
				+ " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME LIKE 'BATCH\\_%'")).isEmpty();
	}

	private static long executionId(Run run) {
		Matcher matcher = EXECUTION.matcher(run.out());
		assertThat(matcher.find()).as(run.out()).isTrue();
		return Long.parseLong(matcher.group(1));
	}

	private static Run run(String... args) {
		List<String> all = new ArrayList<>(List.of(args));
		all.addAll(List.of("--spring.batch.jdbc.table-prefix=OPS_", "--spring.batch.jdbc.initialize-schema=never",
				"--batch.partition.grid-size=2"));
		return Cli.onDatabase(DATABASE, all.toArray(String[]::new));
	}

}
