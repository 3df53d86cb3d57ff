package batch.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import batch.testsupport.BadParameters;
import batch.testsupport.GeneratedPolicies;
import batch.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The REST trigger over HTTP on a real server and database: the bearer token on every endpoint,
 * a run started, followed to its end, stopped and restarted, the refusals with their statuses
 * (every bad job parameter of the command line's cases among them), and the metrics.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "batch.api.token=" + ApiIntegrationTests.TOKEN, "batch.chunk-size=50",
				"batch.partition.grid-size=2" })
class ApiIntegrationTests {

	static final String TOKEN = "a-test-token-of-enough-length";

	private static final String DATABASE = TestDatabase.newDatabaseUrl("api");

	private static final ObjectMapper JSON = new ObjectMapper();

	@TempDir
	static Path directory;

	@LocalServerPort
	private int port;

	private final HttpClient http = HttpClient.newHttpClient();

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry, DATABASE);
		registry.add("batch.api.input-directory", () -> directory.toString());
	}

	static BadParameters badParameters;

	@BeforeAll
	static void files() throws IOException {
		GeneratedPolicies.write(directory.resolve("policies.csv"), 300, 4, 0.05);
		GeneratedPolicies.write(directory.resolve("more-policies.csv"), 6000, 5, 0);
		badParameters = BadParameters.in(directory);
	}

	@Test
	void everyEndpointNeedsTheToken() throws Exception {
		for (String path : new String[] { "/api/executions/1", "/api/jobs/illustrationJob/executions",
				"/actuator/health", "/actuator/prometheus" }) {
			HttpResponse<String> without = send(HttpRequest.newBuilder(uri(path)).GET().build());
			HttpResponse<String> wrong = send(
					HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + TOKEN + "x").GET().build());

			assertThat(without.statusCode()).as(path).isEqualTo(401);
			assertThat(without.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
					(value) -> assertThat(value).startsWith("Bearer"));
			assertThat(wrong.statusCode()).as(path).isEqualTo(401);
		}
		HttpResponse<String> post = send(HttpRequest.newBuilder(uri("/api/jobs/illustrationJob/executions"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"input\": \"policies.csv\"}"))
			.build());
		assertThat(post.statusCode()).isEqualTo(401);
		assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
	}

	@Test
	void aRunStartedOverHttpIsFollowedToItsEnd() throws Exception {
		HttpResponse<String> started = post("/api/jobs/illustrationJob/executions",
				"{\"input\": \"policies.csv\", \"exportDir\": \"out\", \"run.id\": \"api-1\"}");

		assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
		String location = started.headers().firstValue("Location").orElseThrow();
		long id = JSON.readTree(started.body()).path("executionId").asLong();
		assertThat(location).isEqualTo("/api/executions/" + id);
		JsonNode finished = awaitStatus(location, "COMPLETED");
		assertThat(finished.path("steps").path(0).path("name").asString()).isEqualTo("importPolicies");
		assertThat(finished.path("steps").path(0).path("read").asLong()).isEqualTo(300);
		assertThat(finished.path("steps").path(1).path("partitions").size()).isEqualTo(2);
		assertThat(finished.path("parameters").path("input").asString())
			.isEqualTo(directory.resolve("policies.csv").toString());
		assertThat(directory.resolve("out/illustrations.csv")).exists();
		JsonNode listed = JSON.readTree(get("/api/jobs/illustrationJob/executions").body());
		assertThat(listed.valueStream().map((run) -> run.path("executionId").asLong())).contains(id);
		// the same run again has completed
		HttpResponse<String> again = post("/api/jobs/illustrationJob/executions",
				"{\"input\": \"policies.csv\", \"run.id\": \"api-1\"}");
		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(JSON.readTree(again.body()).path("detail").asString()).contains("already completed");
		String metrics = get("/actuator/prometheus").body();
		assertThat(metrics).contains("spring_batch_job_seconds_count{")
			.contains("batch_policies_illustrated_total ")
			.contains("batch_rows_upserted_total{table=\"illustration\"}")
			.containsPattern("batch_rejects_total\\{reason=\"[A-Z_]+\",source=\"policies\"\\}");
	}

	@Test
	void aRunIsStoppedAndRestartedOverHttp() throws Exception {
		HttpResponse<String> started = post("/api/jobs/illustrationJob/executions",
				"{\"input\": \"more-policies.csv\", \"run.id\": \"api-2\"}");
		String location = started.headers().firstValue("Location").orElseThrow();
		awaitCalculating(location);

		HttpResponse<String> stop = post(location + "/stop", "");

		assertThat(stop.statusCode()).as(stop.body()).isEqualTo(202);
		JsonNode stopped = awaitStatus(location, "STOPPED");
		HttpResponse<String> restarted = post(location + "/restart", "");
		assertThat(restarted.statusCode()).as(restarted.body() + stopped).isEqualTo(202);
		String newLocation = restarted.headers().firstValue("Location").orElseThrow();
		assertThat(newLocation).isNotEqualTo(location);
		JsonNode finished = awaitStatus(newLocation, "COMPLETED");
		assertThat(finished.path("steps").path(0).path("name").asString()).isEqualTo("calculateIllustrations");
		assertThat(post(location + "/restart", "").statusCode()).isEqualTo(409);
		assertThat(post(newLocation + "/stop", "").statusCode()).isEqualTo(409);
		assertThat(post(newLocation + "/recover", "").statusCode()).isEqualTo(409);
	}

	@Test
	void refusalsSayWhyWithTheirStatus() throws Exception {
		assertThat(post("/api/jobs/noSuchJob/executions", "{}").statusCode()).isEqualTo(404);
		assertThat(get("/api/executions/999999").statusCode()).isEqualTo(404);
		assertThat(post("/api/executions/999999/recover", "").statusCode()).isEqualTo(404);
		assertRefused(post("/api/jobs/illustrationJob/executions", "{\"input\": \"../outside.csv\"}"), 400,
				"input must be inside");
		assertRefused(post("/api/jobs/illustrationJob/executions", "{\"input\": \"/etc/passwd\"}"), 400,
				"input must be inside");
		assertRefused(post("/api/jobs/illustrationJob/executions", "{\"input\": \"missing.csv\"}"), 400,
				"missing.csv");
		assertRefused(post("/api/jobs/illustrationJob/executions", "{\"colour\": \"blue\"}"), 400,
				"has no parameter 'colour'");
		assertRefused(post("/api/jobs/illustrationJob/executions", "[1, 2]"), 400, "JSON object");
		assertThat(post("/api/jobs/illustrationJob/executions", "{not json").statusCode()).isEqualTo(400);
		Files.createSymbolicLink(directory.resolve("link.csv"), Path.of("/etc/hostname"));
		assertRefused(post("/api/jobs/illustrationJob/executions", "{\"input\": \"link.csv\"}"), 400,
				"leads outside");
	}

	static List<String[]> jobParameterCases() throws IOException {
		return BadParameters.jobParameterCases();
	}

	// the cases of the command line's launch, as the JSON body of a start
	@ParameterizedTest(name = "{0}")
	@MethodSource("jobParameterCases")
	void aBadJobParameterIsRefusedWith400ThatNamesItAndNothingIsWritten(String line, String exitCode, String named)
			throws Exception {
		assumeFalse(badParameters.cannotMakeUnreadable(line), "this process reads files nobody may read (root)");
		List<String> arguments = badParameters.arguments(line);
		List<String> members = new ArrayList<>();
		for (String parameter : arguments.subList(2, arguments.size())) {
			int equals = parameter.indexOf('=');
			members.add(JSON.writeValueAsString(parameter.substring(0, equals)) + ": "
					+ JSON.writeValueAsString(parameter.substring(equals + 1)));
		}
		long before = runs();

		HttpResponse<String> response = post("/api/jobs/" + arguments.get(1) + "/executions",
				"{" + String.join(", ", members) + "}");

		assertRefused(response, 400, named);
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
		assertThat(runs()).as("job instances and executions").isEqualTo(before);
	}

	@Test
	void aParameterThatIsNotOneScalarIsRefusedWith400ThatNamesIt() throws Exception {
		String executions = "/api/jobs/illustrationJob/executions";
		long before = runs();

		assertRefused(post(executions, "{\"input\": null}"), 400, "input");
		assertRefused(post(executions, "{\"input\": {\"path\": \"policies.csv\"}}"), 400, "input");
		assertRefused(post(executions, "{\"input\": [\"policies.csv\"]}"), 400, "input");
		assertRefused(post(executions, "{\"input\": true}"), 400, "input");
		assertRefused(post(executions, "{\"run.id\": \"\"}"), 400, "run.id");
		assertRefused(post("/api/jobs/cashFlowJob/executions",
				"{\"input\": \"params-contracts.csv\", \"observations\": \"params-contracts-observations.csv\", "
						+ "\"curves\": \"params-contracts-curves.csv\", \"valuationDate\": 20240130}"),
				400, "valuationDate");
		assertRefused(post(executions, "{\"input\": \"policies.csv\", \"input\": \"more-policies.csv\"}"), 400,
				"input");
		assertRefused(get("/api/jobs/illustrationJob/executions?limit=0"), 400, "limit");
		assertRefused(get("/api/jobs/illustrationJob/executions?limit=" + "9".repeat(40)), 400, "limit");
		assertThat(runs()).as("job instances and executions").isEqualTo(before);
	}

	private static long runs() throws Exception {
		return TestDatabase.rowCount(DATABASE, "BATCH_JOB_INSTANCE") + TestDatabase.rowCount(DATABASE, "BATCH_JOB_EXECUTION");
	}

	private static void assertRefused(HttpResponse<String> response, int status, String detail) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(JSON.readTree(response.body()).path("detail").asString()).contains(detail);
	}

	private JsonNode awaitStatus(String location, String status) throws Exception {
		long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		while (true) {
			JsonNode report = JSON.readTree(get(location).body());
			if (report.path("status").asString().equals(status) && !report.path("active").asBoolean()) {
				return report;
			}
			assertThat(report.path("status").asString()).as(report.toString())
				.isIn("STARTING", "STARTED", "STOPPING", status);
			assertThat(System.nanoTime()).as("reached " + status + " in time").isLessThan(deadline);
			Thread.sleep(200);
		}
	}

	private void awaitCalculating(String location) throws Exception {
		long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		while (true) {
			JsonNode current = JSON.readTree(get(location).body()).path("current");
			if (current.path("name").asString().equals("calculateIllustrations") && current.path("written").asLong() > 0) {
				return;
			}
			assertThat(System.nanoTime()).as("calculating in time").isLessThan(deadline);
			Thread.sleep(100);
		}
	}

	private HttpResponse<String> get(String path) throws Exception {
		return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + TOKEN).GET().build());
	}

	private HttpResponse<String> post(String path, String body) throws Exception {
		return send(HttpRequest.newBuilder(uri(path))
			.header("Authorization", "Bearer " + TOKEN)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	private HttpResponse<String> send(HttpRequest request) throws Exception {
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

}
