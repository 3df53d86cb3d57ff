package batch.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import batch.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over HTTP on a real server and database: the kubelet's probes answer without a token, and say
 * nothing but the status; the health details, the metrics and the OpenAPI document need the token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "batch.api.token=" + ProbesAndApiDocsIntegrationTests.TOKEN)
class ProbesAndApiDocsIntegrationTests {

	static final String TOKEN = "a-token-for-the-probe-tests";

	private static final String DATABASE = TestDatabase.newDatabaseUrl("probes");

	private static final ObjectMapper JSON = new ObjectMapper();

	@LocalServerPort
	private int port;

	private final HttpClient http = HttpClient.newHttpClient();

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry, DATABASE);
	}

	@Test
	void theProbesAnswerWithoutTheTokenAndShowTheStatusAlone() throws Exception {
		for (String probe : new String[] { "/actuator/health/liveness", "/actuator/health/readiness" }) {
			HttpResponse<String> answer = send(probe, null);

			assertThat(answer.statusCode()).as(probe + ": " + answer.body()).isEqualTo(200);
			JsonNode health = JSON.readTree(answer.body());
			assertThat(health.path("status").asString()).isEqualTo("UP");
			assertThat(health.has("components")).as(answer.body()).isFalse();
			assertThat(health.has("details")).as(answer.body()).isFalse();
		}
	}

	@Test
	void readinessIncludesTheDatabaseForAHolderOfTheToken() throws Exception {
		HttpResponse<String> answer = send("/actuator/health/readiness", TOKEN);

		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(answer.body()).path("components").has("db")).as(answer.body()).isTrue();
	}

	@Test
	void theHealthDetailsNeedTheToken() throws Exception {
		HttpResponse<String> without = send("/actuator/health", null);
		HttpResponse<String> with = send("/actuator/health", TOKEN);

		assertThat(without.statusCode()).isEqualTo(401);
		assertThat(without.body()).doesNotContain("components").doesNotContain("\"db\"");
		assertThat(with.statusCode()).isEqualTo(200);
		JsonNode db = JSON.readTree(with.body()).path("components").path("db");
		assertThat(db.path("status").asString()).as(with.body()).isEqualTo("UP");
		assertThat(db.path("details").path("database").asString()).as(with.body()).isNotEmpty();
		// a component of the health endpoint other than the probes is not open either
		assertThat(send("/actuator/health/db", null).statusCode()).isEqualTo(401);
	}

	@Test
	void theMetricsNeedTheToken() throws Exception {
		assertThat(send("/actuator/prometheus", null).statusCode()).isEqualTo(401);
		assertThat(send("/actuator/prometheus", TOKEN + "x").statusCode()).isEqualTo(401);
		assertThat(send("/actuator/prometheus", TOKEN).statusCode()).isEqualTo(200);
	}

	@Test
	void aProbeWithAWrongTokenIsRefused() throws Exception {
		assertThat(send("/actuator/health/liveness", TOKEN + "x").statusCode()).isEqualTo(401);
	}

	@Test
	void theOpenApiDocumentNeedsTheTokenAndListsTheApiAlone() throws Exception {
		HttpResponse<String> without = send("/v3/api-docs", null);
		HttpResponse<String> with = send("/v3/api-docs", TOKEN);

		assertThat(without.statusCode()).isEqualTo(401);
		assertThat(without.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
		assertThat(with.statusCode()).as(with.body()).isEqualTo(200);
		JsonNode document = JSON.readTree(with.body());
		assertThat(document.path("openapi").asString()).startsWith("3.");
		assertThat(document.path("paths").propertyNames()).containsExactlyInAnyOrder(
				"/api/jobs/{jobName}/executions", "/api/executions/{id}", "/api/executions/{id}/restart",
				"/api/executions/{id}/stop", "/api/executions/{id}/recover");
		JsonNode executions = document.path("paths").path("/api/jobs/{jobName}/executions");
		assertThat(executions.has("post")).isTrue();
		assertThat(executions.has("get")).isTrue();
		assertThat(document.path("components").path("securitySchemes").path("bearer").path("scheme").asString())
			.isEqualTo("bearer");
	}

	private HttpResponse<String> send(String path, String token) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).GET();
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
