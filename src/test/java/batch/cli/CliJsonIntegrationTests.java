package batch.cli;

import java.nio.file.Files;
import java.nio.file.Path;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code status}, {@code executions} and {@code rejects} with {@code --output json} after a real
 * run with rejects, on MariaDB: the documented fields, every step's progress complete (the export's
 * included), times with their offset, and rejects without personal data.
 */
class CliJsonIntegrationTests {

	private static final Pattern EXECUTION = Pattern.compile("^execution (\\d+)$", Pattern.MULTILINE);

	private static final Pattern TIME = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(Z|[+-]\\d\\d:\\d\\d)");

	private static final String MARIADB = TestDatabase.newDatabaseUrl("clijson");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	static Path directory;

	static Path policies;

	static long id;

	@BeforeAll
	static void runWithRejects() {
		policies = directory.resolve("policies.csv");
		assertThat(Cli.run("generate", "policies", "--count", "1500", "--output", policies.toString(), "--seed", "8",
				"--invalid-fraction", "0.1").exitCode()).isZero();
		Run run = Cli.onDatabase(MARIADB, "illustrate", policies.toString(), "--export-dir",
				directory.resolve("out").toString());
		assertThat(run.exitCode()).as(run.err()).isZero();
		Matcher matcher = EXECUTION.matcher(run.out());
		assertThat(matcher.find()).as(run.out()).isTrue();
		id = Long.parseLong(matcher.group(1));
	}

	@Test
	void statusAsJsonIsTheReportWithEveryStepsProgressComplete() {
		Run run = Cli.onDatabase(MARIADB, "status", Long.toString(id), "--output", "json");

		assertThat(run.exitCode()).as(run.err()).isZero();
		JsonNode report = JSON.readTree(run.out());
		assertThat(report.get("executionId").asLong()).isEqualTo(id);
		assertThat(report.get("jobName").asString()).isEqualTo("illustrationJob");
		assertThat(report.get("status").asString()).isEqualTo("COMPLETED");
		assertThat(report.get("active").asBoolean()).isFalse();
		assertThat(report.get("startTime").asString()).matches(TIME);
		assertThat(report.get("endTime").asString()).matches(TIME);
		assertThat(report.get("parameters").get("input").asString()).isEqualTo(policies.toString());
		List<String> steps = new ArrayList<>();
		for (JsonNode step : report.get("steps")) {
			steps.add(step.get("name").asString());
			assertThat(step.get("done").asLong()).as(step.toString()).isEqualTo(step.get("expected").asLong());
			assertThat(step.get("fractionDone").asDouble()).as(step.toString()).isEqualTo(1.0);
			assertThat(step.has("remainingSeconds")).isTrue();
			assertThat(step.get("remainingSeconds").isNull()).as("a step that has ended has no time left").isTrue();
			assertThat(step.get("startTime").asString()).matches(TIME);
		}
		assertThat(steps).containsExactly("importPolicies", "calculateIllustrations", "exportIllustrations");
		JsonNode export = report.get("steps").get(2);
		// every illustration year, every summary and every reject, counted as the export wrote them
		assertThat(export.get("written").asLong()).isGreaterThan(1500);
		assertThat(export.get("done").asLong()).isEqualTo(export.get("written").asLong());
		assertThat(export.get("itemsPerSecond").asDouble()).isPositive();
	}

	@Test
	void executionsAsJsonAreTheReportsNewestFirst() {
		Run run = Cli.onDatabase(MARIADB, "executions", "illustrationJob", "--output", "json", "--limit", "5");

		assertThat(run.exitCode()).as(run.err()).isZero();
		JsonNode executions = JSON.readTree(run.out());
		assertThat(executions.isArray()).isTrue();
		assertThat(executions.get(0).get("executionId").asLong()).isEqualTo(id);
		assertThat(executions.get(0).get("steps").size()).isEqualTo(3);
		assertThat(executions.get(0).get("startTime").asString()).matches(TIME);
	}

	@Test
	void rejectsAsJsonCountEveryReasonAndListTheRowsWithoutPersonalData() throws Exception {
		Run run = Cli.onDatabase(MARIADB, "rejects", Long.toString(id), "--output", "json", "--limit", "1000");
		long skipped = JSON.readTree(Cli.onDatabase(MARIADB, "status", Long.toString(id), "--output", "json").out())
			.get("steps")
			.get(0)
			.get("skipped")
			.asLong();

		assertThat(run.exitCode()).as(run.err()).isZero();
		JsonNode rejects = JSON.readTree(run.out());
		assertThat(rejects.get("executionId").asLong()).isEqualTo(id);
		assertThat(rejects.get("total").asLong()).isEqualTo(skipped).isGreaterThan(50);
		long sum = 0;
		for (JsonNode count : rejects.get("byReason")) {
			sum += count.asLong();
		}
		assertThat(sum).isEqualTo(skipped);
		assertThat(rejects.get("rows").size()).isEqualTo((int) skipped);
		assertThat(rejects.get("more").asBoolean()).isFalse();
		JsonNode first = rejects.get("rows").get(0);
		assertThat(first.get("source").asString()).isEqualTo("policies");
		assertThat(first.get("line").asLong()).isGreaterThan(1);
		assertThat(first.get("reason").asString()).isNotBlank();
		// no holder name, mobile number or date of birth of a rejected line appears
		List<String> lines = Files.readAllLines(policies);
		for (JsonNode row : rejects.get("rows")) {
			String[] fields = lines.get((int) row.get("line").asLong() - 1).split(",", -1);
			for (int column : new int[] { 2, 3, 4 }) {
				if (fields.length > column && fields[column].strip().length() >= 6) {
					assertThat(run.out()).as("line " + row.get("line")).doesNotContain(fields[column].strip());
				}
			}
		}
	}

	@Test
	void rejectsOfOneReasonAreLimitedInJsonAndInTheTable() {
		JsonNode all = JSON.readTree(Cli.onDatabase(MARIADB, "rejects", Long.toString(id), "--output", "json").out());
		String reason = all.get("byReason").propertyNames().iterator().next();
		long ofReason = all.get("byReason").get(reason).asLong();
		assertThat(ofReason).as("the most common reason").isGreaterThan(2);

		Run json = Cli.onDatabase(MARIADB, "rejects", Long.toString(id), "--reason", reason, "--limit", "2", "--output",
				"json");
		Run table = Cli.onDatabase(MARIADB, "rejects", Long.toString(id), "--reason", reason, "--limit", "2");

		JsonNode rejects = JSON.readTree(json.out());
		assertThat(rejects.get("reason").asString()).isEqualTo(reason);
		assertThat(rejects.get("limit").asInt()).isEqualTo(2);
		assertThat(rejects.get("rows").size()).isEqualTo(2);
		assertThat(rejects.get("rows").get(0).get("reason").asString()).isEqualTo(reason);
		assertThat(rejects.get("rows").get(1).get("reason").asString()).isEqualTo(reason);
		assertThat(rejects.get("more").asBoolean()).isTrue();
		assertThat(table.exitCode()).as(table.err()).isZero();
		assertThat(table.out()).startsWith("execution " + id + " of illustrationJob: " + all.get("total").asLong()
				+ " rejected rows");
		assertThat(table.out().lines().filter((line) -> line.startsWith("policies "))).hasSize(2)
			.allMatch((line) -> line.contains(" " + reason + " "));
		assertThat(table.out()).contains("(the first 2; --limit N shows more)");
	}

	@Test
	void aWrongFormatOrAnUnknownRunIsRefused() {
		assertThat(Cli.onDatabase(MARIADB, "status", Long.toString(id), "--output", "xml").exitCode())
			.isEqualTo(ExitCodes.USAGE);
		assertThat(Cli.onDatabase(MARIADB, "rejects", "999999", "--output", "json").exitCode())
			.isEqualTo(ExitCodes.NOT_RESTARTABLE);
		assertThat(Cli.onDatabase(MARIADB, "rejects", Long.toString(id), "--limit", "0").exitCode())
			.isEqualTo(ExitCodes.USAGE);
	}

}
