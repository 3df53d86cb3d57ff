package batch.web.console;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import batch.testsupport.ConsoleHttp;
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

	@TempDir
	static Path directory;

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry, DATABASE);
		registry.add("batch.api.input-directory", () -> directory.toString());
	}

	@Test
	void everyPageNeedsASignedInSession() throws Exception {
		ConsoleHttp anonymous = new ConsoleHttp(this.port);
		for (String path : new String[] { "/", "/runs", "/runs/1", "/runs/1/rejects", "/runs/1/results", "/start",
				"/workers" }) {
			HttpResponse<String> page = anonymous.send(anonymous.get(path).build());
			assertThat(page.statusCode()).as(path).isEqualTo(302);
			assertThat(page.headers().firstValue("Location")).as(path).hasValueSatisfying(
					(location) -> assertThat(location).endsWith("/login"));
		}
		// the bearer token is the API's: it signs no one in to the console
		HttpResponse<String> bearer = anonymous.send(anonymous.get("/runs").header("Authorization", "Bearer " + TOKEN).build());
		assertThat(bearer.statusCode()).isEqualTo(302);
	}

	@Test
	void theSessionCookieIsHttpOnlyAndStrictAndOpensNoneOfTheApi() throws Exception {
		ConsoleHttp browser = new ConsoleHttp(this.port);
		HttpResponse<String> signIn = browser.signIn(TOKEN);

		assertThat(signIn.statusCode()).isEqualTo(302);
		assertThat(signIn.headers().firstValue("Location")).hasValueSatisfying(
				(location) -> assertThat(location).endsWith("/runs"));
		assertThat(signIn.headers().allValues("Set-Cookie")).anySatisfy((cookie) -> assertThat(cookie)
			.startsWith("BATCH_CONSOLE=")
			.contains("HttpOnly")
			.contains("SameSite=Strict"));
		assertThat(browser.send(browser.get("/runs").build()).statusCode())
			.isEqualTo(200);
		for (String path : new String[] { "/api/executions/1", "/api/jobs/illustrationJob/executions",
				"/actuator/prometheus" }) {
			assertThat(browser.send(browser.get(path).build()).statusCode()).as(path)
				.isEqualTo(401);
		}
	}

	@Test
	void theWorkersPageSaysThatLocalPartitionsRunOnTheServersThreads() throws Exception {
		ConsoleHttp browser = new ConsoleHttp(this.port);
		browser.signIn(TOKEN);

		HttpResponse<String> page = browser.send(browser.get("/workers").build());

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"local\"").contains("batch.partitioning=local")
			.doesNotContain("id=\"workers\"");
	}

	@Test
	void aWrongTokenSignsNoOneIn() throws Exception {
		ConsoleHttp browser = new ConsoleHttp(this.port);
		HttpResponse<String> signIn = browser.signIn(TOKEN + "x");

		assertThat(signIn.headers().firstValue("Location")).hasValueSatisfying(
				(location) -> assertThat(location).endsWith("/login?error"));
		assertThat(browser.send(browser.get("/runs").build()).statusCode())
			.isEqualTo(302);
	}

	@Test
	void anActionWithoutTheFormsCsrfTokenIsRefused() throws Exception {
		ConsoleHttp browser = new ConsoleHttp(this.port);
		browser.signIn(TOKEN);
		String form = browser.send(browser.get("/start").build()).body();
		String csrf = ConsoleHttp.csrf(form);

		for (String path : new String[] { "/runs/1/stop", "/runs/1/restart", "/runs/1/recover", "/start",
				"/logout" }) {
			HttpResponse<String> forged = browser.send(browser.post(path, "job=illustrationJob&input=x.csv"));
			assertThat(forged.statusCode()).as(path).isEqualTo(403);
		}
		// with it, the same action is the operator's: refused for its own reason, as the CLI's
		HttpResponse<String> stop = browser.send(browser.post("/runs/999/stop", "_csrf=" + ConsoleHttp.encode(csrf)));
		assertThat(stop.statusCode()).isEqualTo(302);
		String page = browser.send(browser.get("/runs/999").build()).body();
		assertThat(page).doesNotContain("asked to stop");
	}

}
