package batch.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import batch.cli.ExitCodes;
import batch.operations.LocalRuns;
import batch.operations.RunInterventions;
import batch.testsupport.Cli.Run;
import batch.testsupport.Cli;
import batch.testsupport.GeneratedPolicies;
import batch.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * What makes the application safe to expose, through the command line and the API on one
 * database: a restart reads the files the run read (a changed file, a file replaced by a link
 * outside the input directory, an export directory replaced by a link are refused, and nothing is
 * started); the whole book is recalculated only when asked for by name; the built-in development
 * keys serve only a first run on the embedded database; a run's log lines carry its execution id;
 * a process runs a bounded number of runs, each on partition threads of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "batch.api.token=" + RunSafetyIntegrationTests.TOKEN, "batch.chunk-size=50",
				"batch.partition.grid-size=2", "batch.partition.threads=2", "batch.api.max-concurrent-runs=2" })
class RunSafetyIntegrationTests {

	static final String TOKEN = "a-token-for-the-safety-tests";

	private static final String DATABASE = TestDatabase.newDatabaseUrl("safety");

	private static final ObjectMapper JSON = new ObjectMapper();

	@TempDir
	static Path directory;

	@TempDir
	static Path outside;

	@LocalServerPort
	private int port;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private RunInterventions interventions;

	@Autowired
	private LocalRuns localRuns;

	private final HttpClient http = HttpClient.newHttpClient();

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry, DATABASE);
		registry.add("batch.api.input-directory", () -> directory.toString());
	}

	@BeforeAll
	static void files() throws Exception {
		GeneratedPolicies.write(directory.resolve("small.csv"), 300, 41, 0.05);
		GeneratedPolicies.write(directory.resolve("big.csv"), 50_000, 42, 0);
	}

	@AfterEach
	void noTrigger() {
		this.jdbc.execute("DROP TRIGGER IF EXISTS refuse_summaries");
	}

	// Every calculation chunk fails: the import completes (the file read to its end), the run fails.
	private void refuseSummaries() {
		this.jdbc.execute("CREATE TRIGGER refuse_summaries BEFORE INSERT ON illustration_summary FOR EACH ROW"
				+ " SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'injected failure'");
	}

	@Test
	void aRestartOnTheCommandLineReadsTheFileTheRunRead() throws Exception {
		Path input = Files.copy(directory.resolve("small.csv"), directory.resolve("cli.csv"));
		refuseSummaries();
		Run failed = Cli.withLogs(() -> Cli.onDatabase(DATABASE, "illustrate", input.toString()));
		assertThat(failed.exitCode()).as(failed.out()).isEqualTo(ExitCodes.FAILED);
		long id = executionId(failed);
		noTrigger();
		// the run's log lines say whose they are, in its steps and in its partitions
		assertThat(failed.err()).containsPattern("\\[execution " + id + " importPolicies\\] batch\\.steps : step "
				+ "importPolicies COMPLETED")
			.containsPattern("\\[partition-" + id + "-\\d+\\] \\[execution " + id
					+ " calculateIllustrationsWorker:partition\\d\\] ");
		byte[] original = Files.readAllBytes(input);
		FileTime modified = Files.getLastModifiedTime(input);
		long executions = TestDatabase.rowCount(DATABASE, "BATCH_JOB_EXECUTION");

		// a longer file
		Files.writeString(input, "\n", StandardOpenOption.APPEND);
		Run longer = Cli.onDatabase(DATABASE, "restart", Long.toString(id));
		// the same size and time, another byte
		byte[] changed = original.clone();
		changed[changed.length - 2] = (byte) ((changed[changed.length - 2] == '1') ? '2' : '1');
		Files.write(input, changed);
		Files.setLastModifiedTime(input, modified);
		Run sameSize = Cli.onDatabase(DATABASE, "restart", Long.toString(id));

		assertThat(longer.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(longer.err()).contains("input " + input + " is not the file execution " + id + " read: its size was "
				+ original.length + " bytes, it is " + (original.length + 1));
		assertThat(sameSize.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(sameSize.err()).contains("input " + input).contains("its SHA-256 was");
		assertThat(longer.out() + sameSize.out()).doesNotContain("execution ");
		assertThat(TestDatabase.rowCount(DATABASE, "BATCH_JOB_EXECUTION")).isEqualTo(executions);

		// the file as it was
		Files.write(input, original);
		Files.setLastModifiedTime(input, modified);
		Run restarted = Cli.onDatabase(DATABASE, "restart", Long.toString(id));
		assertThat(restarted.exitCode()).as(restarted.err()).isZero();
	}

	@Test
	void aRestartThroughTheApiConfinesItsFilesAgain() throws Exception {
		Path input = Files.copy(directory.resolve("small.csv"), directory.resolve("api.csv"));
		Path export = directory.resolve("api-out");
		refuseSummaries();
		String location = started(post("/api/jobs/illustrationJob/executions",
				"{\"input\": \"api.csv\", \"exportDir\": \"api-out\", \"run.id\": \"links\"}"));
		awaitStatus(location, "FAILED");
		noTrigger();

		// the input replaced by a link to a copy outside the input directory
		Path copy = Files.copy(input, outside.resolve("api.csv"));
		Files.setLastModifiedTime(copy, Files.getLastModifiedTime(input));
		Path kept = Files.move(input, directory.resolve("api.kept"));
		Files.createSymbolicLink(input, copy);
		HttpResponse<String> linkedInput = post(location + "/restart", "");
		Files.delete(input);
		Files.move(kept, input);
		// the export directory replaced by one
		Files.deleteIfExists(export);
		Path elsewhere = Files.createDirectory(outside.resolve("out"));
		Files.createSymbolicLink(export, elsewhere);
		HttpResponse<String> linkedExport = post(location + "/restart", "");
		Files.delete(export);

		assertRefused(linkedInput, 409, "INPUT_CHANGED", "input");
		assertThat(detail(linkedInput)).contains("leads outside");
		assertRefused(linkedExport, 409, "INPUT_CHANGED", "exportDir");
		assertThat(detail(linkedExport)).contains("leads outside");
		String restarted = started(post(location + "/restart", ""));
		awaitStatus(restarted, "COMPLETED");
		assertThat(export.resolve("summary.csv")).exists();
		try (var written = Files.list(elsewhere)) {
			assertThat(written).isEmpty();
		}
	}

	@Test
	void theWholeBookIsRecalculatedOnlyWhenAskedForByName() throws Exception {
		long runs = TestDatabase.rowCount(DATABASE, "BATCH_JOB_INSTANCE");

		for (String body : List.of("{}", "null", "", "{\"run.id\": \"forgot-the-input\"}")) {
			assertRefused(post("/api/jobs/illustrationJob/executions", body), 400, "BAD_REQUEST", "scope=book");
		}
		Run launched = Cli.onDatabase(DATABASE, "launch", "illustrationJob", "run.id=forgot-the-input");
		Run both = Cli.onDatabase(DATABASE, "launch", "illustrationJob", "scope=book",
				"input=" + directory.resolve("small.csv"));
		Run other = Cli.onDatabase(DATABASE, "launch", "illustrationJob", "scope=everything");

		assertThat(launched.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(launched.err()).contains("input=<policies.csv>").contains("scope=book");
		assertThat(both.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(both.err()).contains("give one of them");
		assertThat(other.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(TestDatabase.rowCount(DATABASE, "BATCH_JOB_INSTANCE")).isEqualTo(runs);
		awaitStatus(started(post("/api/jobs/illustrationJob/executions", "{\"scope\": \"book\", \"run.id\": \"book\"}")),
				"COMPLETED");
	}

	@Test
	void aSmallRunIsNotQueuedBehindABigOneAndAThirdRunIsRefused() throws Exception {
		String big = started(post("/api/jobs/illustrationJob/executions", "{\"input\": \"big.csv\", \"run.id\": \"big-1\"}"));
		awaitCalculating(big);

		String small = started(post("/api/jobs/illustrationJob/executions",
				"{\"input\": \"small.csv\", \"run.id\": \"small-beside-big\"}"));
		awaitStatus(small, "COMPLETED");

		// the big run was calculating all along
		assertThat(report(big).path("active").asBoolean()).isTrue();
		String second = started(post("/api/jobs/illustrationJob/executions", "{\"input\": \"big.csv\", \"run.id\": \"big-2\"}"));
		HttpResponse<String> third = post("/api/jobs/illustrationJob/executions",
				"{\"input\": \"small.csv\", \"run.id\": \"one-too-many\"}");
		post(big + "/stop", "");
		post(second + "/stop", "");

		assertRefused(third, 429, "TOO_MANY_RUNS", "as many as it may at once");
		assertThat(third.headers().firstValue("Retry-After")).hasValue("30");
		awaitEnded(big);
		awaitEnded(second);
	}

	/*
	 * A stopped run and its steps are recorded STOPPED at once, while its thread finishes the
	 * chunks in flight: until that thread has ended, the run is reported active, so that nothing
	 * waiting for its end goes on too soon. A stop that comes as a chunk commits ends the run
	 * STOPPED, not FAILED on the step's version, and leaves no step scope behind (where a later
	 * step with the same ids, in another database of this JVM, found the stopped step's reader).
	 */
	@Test
	void aStoppedRunIsActiveUntilItsThreadHasEnded() throws Exception {
		for (String step : List.of("importPolicies", "calculateIllustrations")) {
			String run = started(post("/api/jobs/illustrationJob/executions",
					"{\"input\": \"big.csv\", \"run.id\": \"stopped-in-" + step + "\"}"));
			awaitWriting(run, step);
			this.interventions.stop(id(run));
			awaitEnded(run);

			assertThat(this.localRuns.any()).as("a run's thread still running in this process").isFalse();
			assertThat(StepSynchronizationManager.getContext()).as("a step's scope left on the thread that stopped it")
				.isNull();
			// stopped, however close to a chunk's commit the stop came
			assertThat(report(run).path("status").asString()).isEqualTo("STOPPED");
		}
	}

	private static long id(String location) {
		return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}

	@Test
	void theDevelopmentKeysServeOnlyAFirstRunOnTheEmbeddedDatabase() throws Exception {
		String noKey = "--batch.privacy.hash-key=";
		String h2 = "--spring.datasource.url=jdbc:h2:file:" + directory.resolve("h2/batch")
				+ ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;IGNORECASE=TRUE";
		String small = directory.resolve("small.csv").toString();
		long runs = TestDatabase.rowCount(DATABASE, "BATCH_JOB_INSTANCE");

		Run production = Cli.withLogs(() -> Cli.onDatabase(DATABASE, "illustrate", small, noKey));
		Run firstRun = Cli.withLogs(() -> Cli.run("illustrate", small, h2, noKey));
		Run status = Cli.withLogs(() -> Cli.run("status", h2, noKey));
		Run serve = assertTimeoutPreemptively(Duration.ofMinutes(2),
				() -> Cli.withLogs(() -> Cli.run("serve", "--server.port=0", "--batch.api.token=" + TOKEN, h2, noKey)));

		assertThat(production.exitCode()).isEqualTo(ExitCodes.FAILED);
		assertThat(production.err()).contains("refused on a MySQL or MariaDB database")
			.contains("BATCH_PRIVACY_HASH_KEY=$(openssl rand -base64 32)");
		assertThat(TestDatabase.rowCount(DATABASE, "BATCH_JOB_INSTANCE")).isEqualTo(runs);
		assertThat(firstRun.exitCode()).as(firstRun.err()).isZero();
		assertThat(occurrences(firstRun.err(), "built-in development keys")).isEqualTo(1);
		assertThat(status.exitCode()).isZero();
		assertThat(status.err()).doesNotContain("development keys");
		assertThat(serve.exitCode()).isEqualTo(ExitCodes.FAILED);
		assertThat(serve.err()).contains("cannot start").contains("refused by a server or worker");
	}

	@Test
	void structuredLogsAreSpringBootsOwnSettingAndCarryTheExecution() throws Exception {
		Run run = Cli.withLogs(() -> Cli.onDatabase(DATABASE, "illustrate", directory.resolve("small.csv").toString(),
				"--logging.structured.format.console=ecs"));

		assertThat(run.exitCode()).isZero();
		long id = executionId(run);
		JsonNode stepEnd = run.err()
			.lines()
			.filter((line) -> line.startsWith("{"))
			.map(JSON::readTree)
			.filter((line) -> line.path("message").asString().startsWith("step importPolicies COMPLETED"))
			.findFirst()
			.orElseThrow();
		assertThat(stepEnd.path("execution").asString()).isEqualTo(Long.toString(id));
		assertThat(stepEnd.path("step").asString()).isEqualTo("importPolicies");
	}

	private static int occurrences(String text, String part) {
		return text.split(Pattern.quote(part), -1).length - 1;
	}

	private static long executionId(Run run) {
		Matcher id = Pattern.compile("^execution (\\d+)$", Pattern.MULTILINE).matcher(run.out());
		assertThat(id.find()).as(run.out()).isTrue();
		return Long.parseLong(id.group(1));
	}

	private static String detail(HttpResponse<String> response) {
		return JSON.readTree(response.body()).path("detail").asString();
	}

	private static void assertRefused(HttpResponse<String> response, int status, String refusal, String detail) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		JsonNode problem = JSON.readTree(response.body());
		assertThat(problem.path("refusal").asString()).isEqualTo(refusal);
		assertThat(problem.path("detail").asString()).contains(detail);
	}

	private static String started(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		return response.headers().firstValue("Location").orElseThrow();
	}

	private JsonNode report(String location) throws Exception {
		return JSON.readTree(get(location).body());
	}

	private JsonNode awaitStatus(String location, String status) throws Exception {
		long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
		while (true) {
			JsonNode report = report(location);
			if (report.path("status").asString().equals(status) && !report.path("active").asBoolean()) {
				return report;
			}
			assertThat(report.path("status").asString()).as(report.toString())
				.isIn("STARTING", "STARTED", "STOPPING", status);
			assertThat(System.nanoTime()).as("reached " + status + " in time").isLessThan(deadline);
			Thread.sleep(200);
		}
	}

	// Until a run stopped at any moment has ended, however it ended.
	private void awaitEnded(String location) throws Exception {
		long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
		while (report(location).path("active").asBoolean()) {
			assertThat(System.nanoTime()).as("ended in time").isLessThan(deadline);
			Thread.sleep(200);
		}
	}

	private void awaitCalculating(String location) throws Exception {
		awaitWriting(location, "calculateIllustrations");
	}

	private void awaitWriting(String location, String step) throws Exception {
		long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
		while (true) {
			JsonNode current = report(location).path("current");
			if (current.path("name").asString().equals(step) && current.path("written").asLong() > 0) {
				return;
			}
			assertThat(System.nanoTime()).as(step + " in time").isLessThan(deadline);
			Thread.sleep(100);
		}
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + TOKEN).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String path, String body) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri(path))
			.header("Authorization", "Bearer " + TOKEN)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

}
