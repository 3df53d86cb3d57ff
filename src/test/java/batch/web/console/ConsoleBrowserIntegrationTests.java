package batch.web.console;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

import batch.testsupport.GeneratedContracts;
import batch.testsupport.GeneratedPolicies;
import batch.testsupport.HeadlessChromium;
import batch.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console as an operator uses it, in headless Chromium against a real server and database:
 * sign in, start a run, watch its progress change without reloading, stop it, restart it to
 * COMPLETED, read its rejected rows and its charts. Screenshots of each page go to
 * target/screenshots/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "batch.api.token=" + ConsoleBrowserIntegrationTests.TOKEN, "batch.chunk-size=100",
				"batch.partition.grid-size=2" })
class ConsoleBrowserIntegrationTests {

	static final String TOKEN = "a-console-token-of-enough-length";

	private static final String DATABASE = TestDatabase.newDatabaseUrl("console");

	private static final Duration RUN = Duration.ofMinutes(3);

	@TempDir
	static Path directory;

	@LocalServerPort
	private int port;

	private ChromeDriver browser;

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry, DATABASE);
		registry.add("batch.api.input-directory", () -> directory.toString());
	}

	@BeforeAll
	static void files() throws IOException {
		GeneratedPolicies.write(directory.resolve("policies.csv"), 20_000, 7, 0.02);
		GeneratedContracts.write(directory, "contracts", 400, 3, 0.02);
	}

	@BeforeEach
	void openBrowser() {
		this.browser = HeadlessChromium.start();
	}

	@AfterEach
	void closeBrowser() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	@Test
	void anOperatorWatchesARunStopsItRestartsItAndReadsItsRejects() throws Exception {
		this.browser.get(url("/runs"));
		assertThat(this.browser.getCurrentUrl()).endsWith("/login");
		HeadlessChromium.screenshot(this.browser, "console-sign-in");
		signIn("not-the-token-at-all");
		HeadlessChromium.screenshot(this.browser, "console-sign-in-refused");
		assertThat(text(By.cssSelector("[role=alert]"))).contains("not this server's token");
		signIn(TOKEN);
		assertThat(this.browser.getCurrentUrl()).endsWith("/runs");
		Cookie session = this.browser.manage().getCookieNamed("BATCH_CONSOLE");
		assertThat(session.isHttpOnly()).isTrue();
		assertThat(session.getSameSite()).isEqualTo("Strict");

		start("illustrationJob", "policies.csv", "browser-1");
		long first = executionOnPage();
		awaitText(By.id("run-status"), "STARTED");
		// the page changes while it runs, without being loaded again
		((JavascriptExecutor) this.browser).executeScript("window.notReloaded = true;");
		wait(RUN).until((browser) -> done("calculateIllustrations") > 0);
		assertThat(((JavascriptExecutor) this.browser).executeScript("return window.notReloaded === true;"))
			.isEqualTo(true);
		assertThat(this.browser.findElements(By.cssSelector("tr.partition progress"))).hasSize(2);
		assertThat(text(By.cssSelector("tr.partition"))).contains(" on ");
		HeadlessChromium.screenshot(this.browser, "console-run-live");

		this.browser.findElement(By.id("stop")).click();
		assertThat(text(By.tagName("h1"))).isEqualTo("Stop run " + first + "?");
		HeadlessChromium.screenshot(this.browser, "console-confirm-stop");
		confirm();
		// the run's page, where the confirmation sends the browser, may still be loading
		wait(RUN).until((browser) -> !browser.findElements(By.cssSelector("[role=status]")).isEmpty());
		assertThat(text(By.cssSelector("[role=status]"))).contains("asked to stop");
		awaitText(By.id("run-status"), "STOPPED");
		// once its partitions have ended, the live part offers the restart
		wait(RUN).until((browser) -> !browser.findElements(By.id("restart")).isEmpty());
		HeadlessChromium.screenshot(this.browser, "console-run-stopped");

		this.browser.findElement(By.id("restart")).click();
		confirm();
		wait(RUN).until((browser) -> !browser.getCurrentUrl().contains("/confirm"));
		long second = executionOnPage();
		assertThat(second).as(text(By.tagName("main"))).isGreaterThan(first);
		awaitText(By.id("run-status"), "COMPLETED");
		assertThat(this.browser.findElements(By.id("stop"))).isEmpty();
		HeadlessChromium.screenshot(this.browser, "console-run-completed");

		// the list: both executions, newest first; by status, the stopped one alone
		this.browser.get(url("/runs"));
		assertThat(executionsListed()).startsWith(second, first);
		new Select(this.browser.findElement(By.name("status"))).selectByValue("STOPPED");
		this.browser.findElement(By.cssSelector("form.filters button")).click();
		// the click returns while the filtered page may still be loading
		wait(RUN).until((browser) -> executionsListed().equals(List.of(first)));
		assertThat(executionsListed()).containsExactly(first);
		HeadlessChromium.screenshot(this.browser, "console-runs");

		this.browser.get(url("/runs/" + second + "/rejects"));
		long rejected = rejectsInDatabase(second);
		assertThat(rejected).isPositive();
		List<WebElement> reasons = this.browser.findElements(By.cssSelector("#reasons tr[data-reason]"));
		assertThat(reasons).isNotEmpty();
		assertThat(text(By.cssSelector("#reasons tr.total td.n")).replace(",", "")).isEqualTo(Long.toString(rejected));
		assertThat(this.browser.findElements(By.cssSelector("#rejected tbody tr"))).hasSize((int) Math.min(50, rejected));
		String reason = reasons.get(0).getAttribute("data-reason");
		reasons.get(0).findElement(By.tagName("a")).click();
		assertThat(this.browser.findElements(By.cssSelector("#rejected tbody tr td:nth-child(4)")))
			.isNotEmpty()
			.allSatisfy((cell) -> assertThat(cell.getText()).isEqualTo(reason));
		HeadlessChromium.screenshot(this.browser, "console-rejects");

		this.browser.get(url("/runs/" + second + "/results"));
		assertThat(this.browser.findElements(By.cssSelector("figure.chart"))).isNotEmpty();
		assertThat(this.browser.findElements(By.cssSelector("figure.chart rect"))).isNotEmpty();
		HeadlessChromium.screenshot(this.browser, "console-irrs");
	}

	@Test
	void aCashFlowRunStartedFromTheConsoleShowsItsLadderAndLargestValues() throws Exception {
		this.browser.get(url("/login"));
		signIn(TOKEN);
		this.browser.get(url("/start"));
		new Select(this.browser.findElement(By.id("job"))).selectByValue("cashFlowJob");
		new Select(this.browser.findElement(By.id("input"))).selectByValue("contracts.csv");
		new Select(this.browser.findElement(By.id("observations"))).selectByValue("contracts-observations.csv");
		new Select(this.browser.findElement(By.id("curves"))).selectByValue("contracts-curves.csv");
		this.browser.findElement(By.id("run-id")).sendKeys("browser-cash");
		this.browser.findElement(By.id("start")).click();
		awaitText(By.id("run-status"), "COMPLETED");
		this.browser.findElement(By.linkText("Cash flows")).click();
		List<WebElement> charts = this.browser.findElements(By.cssSelector("figure.chart"));
		assertThat(charts).isNotEmpty();
		assertThat(charts.get(0).findElements(By.cssSelector("rect.series0"))).isNotEmpty();
		assertThat(charts.get(0).findElements(By.cssSelector("rect.series1"))).isNotEmpty();
		assertThat(this.browser.findElements(By.cssSelector("#largest tbody tr"))).hasSize(15);
		HeadlessChromium.screenshot(this.browser, "console-cash-flows");
	}

	private void signIn(String token) {
		WebElement field = this.browser.findElement(By.id("token"));
		field.clear();
		field.sendKeys(token);
		WebElement button = this.browser.findElement(By.id("sign-in"));
		button.click();
		// to the runs, or back with ?error: either way a new page, so this one's button goes stale.
		// Waiting for the URL to leave /login returned at once on a second try from /login?error,
		// before the sign-in had answered (the refusal seen at line 92 in clean-clone CIs).
		wait(RUN).until(ExpectedConditions.stalenessOf(button));
	}

	private void start(String job, String input, String runId) {
		this.browser.findElement(By.linkText("Start a run")).click();
		wait(RUN).until((browser) -> !browser.findElements(By.id("job")).isEmpty());
		new Select(this.browser.findElement(By.id("job"))).selectByValue(job);
		new Select(this.browser.findElement(By.id("input"))).selectByValue(input);
		this.browser.findElement(By.id("run-id")).sendKeys(runId);
		this.browser.findElement(By.id("start")).click();
		wait(RUN).until((browser) -> !browser.findElements(By.cssSelector("[role=status]")).isEmpty());
		assertThat(text(By.cssSelector("[role=status]"))).contains("started");
	}

	private long executionOnPage() {
		return Long.parseLong(this.browser.getCurrentUrl().replaceAll("^.*/runs/(\\d+).*$", "$1"));
	}

	// the items done of a step, as its row says: -1 before the step has begun
	private long done(String step) {
		List<WebElement> cells = this.browser
			.findElements(By.cssSelector("tr.step[data-step='" + step + "'] td:nth-child(4) span"));
		return cells.isEmpty() ? -1 : Long.parseLong(cells.get(0).getText().replace(",", ""));
	}

	// rows the page replaced while they were read are read again (a stale row after the status
	// filter's click failed a clean-clone CI)
	private List<Long> executionsListed() {
		return wait(RUN).until((browser) -> browser.findElements(By.cssSelector("#runs tbody tr"))
			.stream()
			.map((row) -> Long.parseLong(row.getAttribute("data-execution")))
			.toList());
	}

	private void awaitText(By where, String expected) {
		wait(RUN).until((browser) -> {
			List<WebElement> found = browser.findElements(where);
			return !found.isEmpty() && found.get(0).getText().equals(expected);
		});
	}

	// the live part is swapped while the test reads it, and a click may still be loading the next
	// page: an element gone is looked for again (a stale h1 after "stop" failed a clean-clone CI)
	private String text(By where) {
		return wait(RUN).until((browser) -> browser.findElement(where).getText());
	}

	// the confirmation's page may still be loading when the click that asked for it returns
	private void confirm() {
		wait(RUN).until((browser) -> !browser.findElements(By.id("confirm")).isEmpty());
		this.browser.findElement(By.id("confirm")).click();
	}

	private WebDriverWait wait(Duration timeout) {
		WebDriverWait wait = new WebDriverWait(this.browser, timeout, Duration.ofMillis(200));
		wait.ignoring(StaleElementReferenceException.class);
		return wait;
	}

	// the run's own: the other test's run, on the same database, may have come first
	private long rejectsInDatabase(long executionId) throws SQLException {
		return TestDatabase.queryForLong(DATABASE, "SELECT COUNT(*) FROM rejected_record WHERE job_instance_id ="
				+ " (SELECT JOB_INSTANCE_ID FROM BATCH_JOB_EXECUTION WHERE JOB_EXECUTION_ID = ?)", executionId);
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

}
