package batch.web;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import batch.cli.ExitCodes;
import batch.testsupport.Cli;
import batch.testsupport.Cli.Logged;
import batch.testsupport.GeneratedPolicies;
import batch.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What makes the REST trigger safe to expose, over HTTP on a real server and database: bodies
 * over 64 KB refused before they are read, every error answer RFC 7807 problem details without
 * the framework's internals, an audit line for every action and refusal that never carries the
 * token, no start with a token of few characters, and text parameters refused with characters
 * that are not printable.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "batch.api.token=" + ApiSafetyIntegrationTests.TOKEN, "batch.chunk-size=50",
				"batch.partition.grid-size=2" })
@ExtendWith(OutputCaptureExtension.class)
class ApiSafetyIntegrationTests {

	static final String TOKEN = "the-safety-test-token-7f3a9c";

	private static final String DATABASE = TestDatabase.newDatabaseUrl("api_safety");

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final int LIMIT = 64 * 1024;

	private static final String EXECUTIONS = "/api/jobs/illustrationJob/executions";

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

	@BeforeAll
	static void files() throws IOException {
		GeneratedPolicies.write(directory.resolve("policies.csv"), 40, 7, 0);
	}

	@Test
	void aBodyDeclaredOverTheLimitIsRefusedWith413WithoutBeingRead() throws Exception {
		long before = runs();

		// the 50 MB are never sent: an answer means the server did not wait for them
		Raw answer = raw(head("POST", EXECUTIONS, TOKEN) + "Content-Type: application/json\r\nContent-Length: "
				+ 50 * 1024 * 1024 + "\r\n\r\n", List.of());

		assertThat(answer.status()).as(answer.body()).isEqualTo(413);
		assertProblem(answer.status(), answer.header("content-type"), answer.body(), EXECUTIONS);
		assertThat(JSON.readTree(answer.body()).path("detail").asString()).contains("over 64 KB");
		assertThat(runs()).isEqualTo(before);
	}

	@Test
	void aChunkedBodyIsReadNoFurtherThanTheLimit() throws Exception {
		long before = runs();
		byte[] chunk = " ".repeat(1024).getBytes(StandardCharsets.US_ASCII);

		// the limit and one byte more, and no last chunk: a server reading to the end would wait
		List<byte[]> chunks = new ArrayList<>();
		for (int i = 0; i < LIMIT / chunk.length; i++) {
			chunks.add(chunked(chunk));
		}
		chunks.add(chunked(new byte[] { ' ' }));
		Raw answer = raw(head("POST", EXECUTIONS, TOKEN)
				+ "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n", chunks);

		assertThat(answer.status()).as(answer.body()).isEqualTo(413);
		assertProblem(answer.status(), answer.header("content-type"), answer.body(), EXECUTIONS);
		assertThat(runs()).isEqualTo(before);
	}

	@Test
	void aBodyUpToTheLimitIsReadWhetherItsLengthIsGivenOrNot() throws Exception {
		String unknown = "{\"colour\": \"blue\"}";
		String atTheLimit = " ".repeat(LIMIT - unknown.length()) + unknown;

		HttpResponse<String> sized = post(EXECUTIONS, HttpRequest.BodyPublishers.ofString(atTheLimit));
		HttpResponse<String> chunked = post(EXECUTIONS, HttpRequest.BodyPublishers
			.ofInputStream(() -> new ByteArrayInputStream(atTheLimit.getBytes(StandardCharsets.UTF_8))));
		Raw oneByteOver = raw(head("POST", EXECUTIONS, TOKEN) + "Content-Type: application/json\r\nContent-Length: "
				+ (LIMIT + 1) + "\r\n\r\n", List.of());

		assertThat(sized.statusCode()).as(sized.body()).isEqualTo(400);
		assertThat(JSON.readTree(sized.body()).path("detail").asString()).contains("has no parameter 'colour'");
		assertThat(chunked.statusCode()).as(chunked.body()).isEqualTo(400);
		assertThat(JSON.readTree(chunked.body()).path("detail").asString()).contains("has no parameter 'colour'");
		assertThat(oneByteOver.status()).isEqualTo(413);
	}

	@Test
	void everyErrorAnswerIsProblemDetailsWithoutTheFrameworksInternals() throws Exception {
		Map<HttpRequest, Integer> requests = new LinkedHashMap<>();
		requests.put(request("/api/executions/1").GET().build(), 401);
		requests.put(request("/actuator/prometheus").header("Authorization", "Bearer " + TOKEN + "x").GET().build(),
				401);
		requests.put(request("/api/executions/1").header("Authorization", "Basic YTpi").GET().build(), 401);
		requests.put(authorized("/api/no-such-endpoint").GET().build(), 404);
		requests.put(authorized("/no-such-page").GET().build(), 404);
		requests.put(authorized("/error").GET().build(), 404);
		requests.put(authorized("/api/executions/999999").GET().build(), 404);
		requests.put(authorized("/api/jobs/noSuchJob/executions").POST(HttpRequest.BodyPublishers.ofString("{}"))
			.build(), 404);
		requests.put(authorized("/api/executions/999999/restart").POST(HttpRequest.BodyPublishers.noBody()).build(),
				404);
		requests.put(authorized("/api/executions/1").DELETE().build(), 405);
		requests.put(authorized(EXECUTIONS).PUT(HttpRequest.BodyPublishers.ofString("{}")).build(), 405);
		requests.put(authorized("/api/executions/abc").GET().build(), 400);
		requests.put(authorized(EXECUTIONS).POST(HttpRequest.BodyPublishers.ofString("{\"colour\": 1}")).build(), 400);
		requests.put(authorized("/api/executions/1;x=y").GET().build(), 400);

		for (Map.Entry<HttpRequest, Integer> expected : requests.entrySet()) {
			HttpRequest request = expected.getKey();
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			String what = request.method() + " " + request.uri().getRawPath() + ": " + response.body();

			assertThat(response.statusCode()).as(what).isEqualTo(expected.getValue());
			assertProblem(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.body(), request.uri().getRawPath());
		}
		HttpResponse<String> missing = this.http.send(request("/api/executions/1").GET().build(),
				HttpResponse.BodyHandlers.ofString());
		HttpResponse<String> wrong = this.http.send(
				request("/api/executions/1").header("Authorization", "Bearer not-the-token").GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(missing.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
		assertThat(wrong.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
	}

	@Test
	void everyActionAndEveryRefusalIsAuditedOnOneLineWithoutTheToken(CapturedOutput output) throws Exception {
		HttpResponse<String> started = post(EXECUTIONS,
				HttpRequest.BodyPublishers.ofString("{\"input\": \"policies.csv\", \"run.id\": \"audited\"}"));
		assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
		long id = JSON.readTree(started.body()).path("executionId").asLong();
		String execution = "/api/executions/" + id;
		awaitCompleted(execution);
		send(authorized(execution).GET().build());
		send(authorized(EXECUTIONS + "?limit=5").GET().build());
		send(authorized(execution + "/restart").POST(HttpRequest.BodyPublishers.noBody()).build());
		send(authorized(execution + "/stop").POST(HttpRequest.BodyPublishers.noBody()).build());
		send(authorized(execution + "/recover?force=true").POST(HttpRequest.BodyPublishers.noBody()).build());
		send(authorized("/api/executions/x%22forged=1").GET().build());
		send(request("/api/executions/" + id).GET().build());
		send(request("/actuator/health").header("Authorization", "Bearer " + TOKEN + "-wrong").GET().build());
		send(authorized("/actuator/health").GET().build());
		raw(head("POST", EXECUTIONS, TOKEN) + "Content-Length: " + (LIMIT + 1) + "\r\n\r\n", List.of());

		String caller = "INFO  \\[[^\\]]*\\] batch\\.audit : caller=127\\.0\\.0\\.1 ";
		String refused = "WARN  \\[[^\\]]*\\] batch\\.audit : caller=127\\.0\\.0\\.1 ";
		List<String> expected = List.of(
				caller + "request=\"POST " + EXECUTIONS + "\" action=start job=illustrationJob started=" + id
						+ " status=202",
				caller + "request=\"GET " + execution + "\" action=report execution=" + id + " status=200",
				caller + "request=\"GET " + EXECUTIONS + "\" action=list job=illustrationJob status=200",
				caller + "request=\"POST " + execution + "/restart\" action=restart execution=" + id
						+ " status=409 refusal=WRONG_STATE",
				caller + "request=\"POST " + execution + "/stop\" action=stop execution=" + id
						+ " status=409 refusal=WRONG_STATE",
				caller + "request=\"POST " + execution + "/recover\" action=recover execution=" + id
						+ " status=409 refusal=WRONG_STATE",
				caller + "request=\"GET /api/executions/x%22forged=1\" action=report execution=x\\\\u0022forged=1"
						+ " status=400 refusal=BAD_REQUEST",
				refused + "request=\"GET " + execution + "\" status=401 refusal=MISSING_TOKEN",
				refused + "request=\"GET /actuator/health\" status=401 refusal=INVALID_TOKEN",
				refused + "request=\"POST " + EXECUTIONS + "\" status=413 refusal=BODY_TOO_LARGE");
		String logs = awaitLogged(output, expected);

		List<String> audit = logs.lines().filter((line) -> line.contains(" batch.audit : ")).toList();
		for (String line : expected) {
			if (line.contains("action=report execution=" + id)) {
				continue; // asked again and again until the run completed
			}
			assertThat(audit).as("one line a request").filteredOn((logged) -> Pattern.compile(line).matcher(logged).find())
				.hasSize(1);
		}
		assertThat(audit).as("the answered health check").noneMatch((line) -> line.contains("/actuator/health\" status=200"));
		assertThat(logs).doesNotContain(TOKEN).doesNotContainIgnoringCase("authorization").doesNotContain("Bearer ");
		assertThat(audit).noneMatch((line) -> line.contains("policies.csv"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "aaaaaaaaaaaaaaaa", "abcabcabcabcabcabcabc", "passwordpassword", "abcdefgabcdefgab" })
	void aTokenOfFewerThanEightDifferentCharactersStopsTheServerFromStarting(String token) {
		Logged logged = Cli.logged(() -> Cli.onDatabase(DATABASE, "serve", "--server.port=0",
				"--batch.api.token=" + token));

		assertThat(logged.run().exitCode()).as(logged.run().err()).isEqualTo(ExitCodes.FAILED);
		assertThat(logged.run().err()).contains("batch.api.token has fewer than 8 different characters")
			.contains("openssl rand -base64 32")
			.doesNotContain("\tat ");
		assertThat(logged.run().out() + logged.run().err() + logged.logs()).doesNotContain(token);
	}

	@Test
	void aParameterWithABidirectionalControlIsRefusedShowingItEscapedWhileLettersOfAnyScriptPass()
			throws Exception {
		long before = runs();

		HttpResponse<String> override = post(EXECUTIONS,
				HttpRequest.BodyPublishers.ofString("{\"input\": \"policies.csv\", \"run.id\": \"txt.\u202ecsv\"}"));
		HttpResponse<String> letters = post(EXECUTIONS, HttpRequest.BodyPublishers
			.ofString("{\"input\": \"missing.csv\", \"run.id\": \"é-ü-हिंदी\"}"));

		assertThat(override.statusCode()).isEqualTo(400);
		assertThat(JSON.readTree(override.body()).path("detail").asString()).startsWith("run.id ")
			.contains("'txt.\\u202ecsv'");
		// the values are checked before the files: a refusal of the file is one the run id passed
		assertThat(letters.statusCode()).isEqualTo(400);
		assertThat(JSON.readTree(letters.body()).path("detail").asString()).contains("missing.csv")
			.doesNotContain("run.id");
		assertThat(runs()).isEqualTo(before);
	}

	private static void assertProblem(int status, String contentType, String body, String path) {
		assertThat(contentType).as(body).startsWith("application/problem+json");
		JsonNode problem = JSON.readTree(body);
		assertThat(problem.path("type").asString()).as(body).isNotEmpty();
		assertThat(problem.path("title").asString()).as(body).isNotEmpty();
		assertThat(problem.path("status").asInt()).as(body).isEqualTo(status);
		assertThat(problem.path("detail").asString()).as(body).isNotBlank();
		assertThat(problem.path("instance").asString()).as(body).isEqualTo(path);
		assertThat(body).doesNotContain("Exception")
			.doesNotContain("org.springframework")
			.doesNotContain("java.")
			.doesNotContain("JobExecution")
			.doesNotContain("\tat ");
	}

	private static String awaitLogged(CapturedOutput output, List<String> expected) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (true) {
			String logs = output.getAll();
			List<String> missing = expected.stream()
				.filter((line) -> !Pattern.compile(line + "$", Pattern.MULTILINE).matcher(logs).find())
				.toList();
			if (missing.isEmpty()) {
				return logs;
			}
			assertThat(System.nanoTime()).as("logged in time: " + missing + " in\n" + logs).isLessThan(deadline);
			Thread.sleep(50);
		}
	}

	private void awaitCompleted(String location) throws Exception {
		long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		while (true) {
			JsonNode report = JSON.readTree(send(authorized(location).GET().build()).body());
			if (report.path("status").asString().equals("COMPLETED") && !report.path("active").asBoolean()) {
				return;
			}
			assertThat(report.path("status").asString()).as(report.toString()).isIn("STARTING", "STARTED");
			assertThat(System.nanoTime()).as("completed in time").isLessThan(deadline);
			Thread.sleep(200);
		}
	}

	private static long runs() throws Exception {
		return TestDatabase.rowCount(DATABASE, "BATCH_JOB_INSTANCE") + TestDatabase.rowCount(DATABASE, "BATCH_JOB_EXECUTION");
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
	}

	private HttpRequest.Builder authorized(String path) {
		return request(path).header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json");
	}

	private HttpResponse<String> post(String path, HttpRequest.BodyPublisher body) throws Exception {
		return send(authorized(path).POST(body).build());
	}

	private HttpResponse<String> send(HttpRequest request) throws Exception {
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private static String head(String method, String path, String token) {
		return method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token + "\r\n";
	}

	private static byte[] chunked(byte[] data) {
		byte[] size = (Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
		byte[] chunk = new byte[size.length + data.length + 2];
		System.arraycopy(size, 0, chunk, 0, size.length);
		System.arraycopy(data, 0, chunk, size.length, data.length);
		chunk[chunk.length - 2] = '\r';
		chunk[chunk.length - 1] = '\n';
		return chunk;
	}

	/** An answer read off a socket: the status, the headers (names in lower case) and the body. */
	private record Raw(int status, Map<String, String> headers, String body) {

		String header(String name) {
			return this.headers.getOrDefault(name, "");
		}

	}

	// A request written as given on a socket of its own, that then stops sending (without
	// closing), and the answer read: what an HTTP client cannot be made to do.
	private Raw raw(String head, List<byte[]> body) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			out.write(head.getBytes(StandardCharsets.US_ASCII));
			for (byte[] part : body) {
				out.write(part);
			}
			out.flush();
			InputStream in = socket.getInputStream();
			String statusLine = line(in);
			Map<String, String> headers = new LinkedHashMap<>();
			for (String header = line(in); !header.isEmpty(); header = line(in)) {
				int colon = header.indexOf(':');
				headers.put(header.substring(0, colon).strip().toLowerCase(Locale.ROOT), header.substring(colon + 1).strip());
			}
			ByteArrayOutputStream content = new ByteArrayOutputStream();
			if (headers.getOrDefault("transfer-encoding", "").equalsIgnoreCase("chunked")) {
				for (int size = Integer.parseInt(line(in).strip(), 16); size > 0; size = Integer
					.parseInt(line(in).strip(), 16)) {
					content.write(in.readNBytes(size));
					line(in);
				}
			}
			else if (headers.containsKey("content-length")) {
				content.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
			}
			else {
				content.write(in.readAllBytes());
			}
			return new Raw(Integer.parseInt(statusLine.split(" ")[1]), headers, content.toString(StandardCharsets.UTF_8));
		}
	}

	private static String line(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		for (int c = in.read(); c != '\n'; c = in.read()) {
			if (c == -1) {
				throw new IOException("the answer ended in the middle of a line: " + line);
			}
			if (c != '\r') {
				line.write(c);
			}
		}
		return line.toString(StandardCharsets.US_ASCII);
	}

}
