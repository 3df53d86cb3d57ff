package batch.web.console;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import batch.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's security over plain HTTP, as a hostile page or script would try it: its pages
 * need a signed-in session, an action without the form's CSRF token is refused, the session
 * opens none of the API, and the bearer token opens none of the console.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "batch.api.token=" + ConsoleSecurityIntegrationTests.TOKEN })
class ConsoleSecurityIntegrationTests {

	static final String TOKEN = "a-console-token-of-enough-length";

	private static final String DATABASE = TestDatabase.newDatabaseUrl("console_security");

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@TempDir
	static Path directory;

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> DATABASE);
		registry.add("spring.datasource.username", TestDatabase::username);
		registry.add("spring.datasource.password", TestDatabase::password);
		registry.add("batch.api.input-directory", () -> directory.toString());
	}

	@Test
	void everyPageNeedsASignedInSession() throws Exception {
		HttpClient anonymous = client();
		for (String path : new String[] { "/", "/runs", "/runs/1", "/runs/1/rejects", "/runs/1/results", "/start",
				"/workers" }) {
			HttpResponse<String> page = anonymous.send(get(path).build(), HttpResponse.BodyHandlers.ofString());
			assertThat(page.statusCode()).as(path).isEqualTo(302);
			assertThat(page.headers().firstValue("Location")).as(path).hasValueSatisfying(
					(location) -> assertThat(location).endsWith("/login"));
		}
		// the bearer token is the API's: it signs no one in to the console
		HttpResponse<String> bearer = anonymous.send(get("/runs").header("Authorization", "Bearer " + TOKEN).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(bearer.statusCode()).isEqualTo(302);
	}

	@Test
	void theSessionCookieIsHttpOnlyAndStrictAndOpensNoneOfTheApi() throws Exception {
		HttpClient browser = client();
		HttpResponse<String> signIn = signIn(browser, TOKEN);

		assertThat(signIn.statusCode()).isEqualTo(302);
		assertThat(signIn.headers().firstValue("Location")).hasValueSatisfying(
				(location) -> assertThat(location).endsWith("/runs"));
		assertThat(signIn.headers().allValues("Set-Cookie")).anySatisfy((cookie) -> assertThat(cookie)
			.startsWith("BATCH_CONSOLE=")
			.contains("HttpOnly")
			.contains("SameSite=Strict"));
		assertThat(browser.send(get("/runs").build(), HttpResponse.BodyHandlers.ofString()).statusCode())
			.isEqualTo(200);
		for (String path : new String[] { "/api/executions/1", "/api/jobs/illustrationJob/executions",
				"/actuator/prometheus" }) {
			assertThat(browser.send(get(path).build(), HttpResponse.BodyHandlers.ofString()).statusCode()).as(path)
				.isEqualTo(401);
		}
	}

	@Test
	void aWrongTokenSignsNoOneIn() throws Exception {
		HttpClient browser = client();
		HttpResponse<String> signIn = signIn(browser, TOKEN + "x");

		assertThat(signIn.headers().firstValue("Location")).hasValueSatisfying(
				(location) -> assertThat(location).endsWith("/login?error"));
		assertThat(browser.send(get("/runs").build(), HttpResponse.BodyHandlers.ofString()).statusCode())
			.isEqualTo(302);
	}

	@Test
	void anActionWithoutTheFormsCsrfTokenIsRefused() throws Exception {
		HttpClient browser = client();
		signIn(browser, TOKEN);
		String form = browser.send(get("/start").build(), HttpResponse.BodyHandlers.ofString()).body();
		String csrf = csrf(form);

		for (String path : new String[] { "/runs/1/stop", "/runs/1/restart", "/runs/1/recover", "/start",
				"/logout" }) {
			HttpResponse<String> forged = browser.send(post(path, "job=illustrationJob&input=x.csv"),
					HttpResponse.BodyHandlers.ofString());
			assertThat(forged.statusCode()).as(path).isEqualTo(403);
		}
		// with it, the same action is the operator's: refused for its own reason, as the CLI's
		HttpResponse<String> stop = browser.send(post("/runs/999/stop", "_csrf=" + encode(csrf)),
				HttpResponse.BodyHandlers.ofString());
		assertThat(stop.statusCode()).isEqualTo(302);
		String page = browser.send(get("/runs/999").build(), HttpResponse.BodyHandlers.ofString()).body();
		assertThat(page).doesNotContain("asked to stop");
	}

	private HttpResponse<String> signIn(HttpClient browser, String token) throws Exception {
		String page = browser.send(get("/login").build(), HttpResponse.BodyHandlers.ofString()).body();
		return browser.send(post("/login", "token=" + encode(token) + "&_csrf=" + encode(csrf(page))),
				HttpResponse.BodyHandlers.ofString());
	}

	private static String csrf(String page) {
		Matcher token = CSRF.matcher(page);
		assertThat(token.find()).as("a CSRF token in the form").isTrue();
		return token.group(1);
	}

	private static HttpClient client() {
		return HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
	}

	private HttpRequest.Builder get(String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).GET();
	}

	private HttpRequest post(String path, String form) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build();
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
