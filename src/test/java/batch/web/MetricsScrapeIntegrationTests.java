package batch.web;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import batch.partition.PartitionWorker;
import batch.testsupport.ApiHttp;
import batch.testsupport.ConsoleHttp;
import batch.testsupport.GeneratedContracts;
import batch.testsupport.GeneratedPolicies;
import batch.testsupport.TestDatabase;
import batch.testsupport.TestRedis;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every metric that the Grafana dashboard and the alert rules of jobs/observability name is in a
 * real scrape of {@code /actuator/prometheus}, after a run of each job started through the API:
 * with remote partitioning, and a worker in the same process, so that the workers' meters are in
 * the same scrape as the runs'. A dashboard panel or an alert on a metric that nobody exports
 * (renamed, mistyped) would otherwise stay empty, or silent, without anyone noticing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "batch.api.token=" + MetricsScrapeIntegrationTests.TOKEN, "batch.chunk-size=25",
				"batch.partition.grid-size=2", "batch.partitioning=remote", "batch.remote.worker-threads=2",
				"batch.remote.poll-interval=200ms" })
class MetricsScrapeIntegrationTests {

	static final String TOKEN = "a-token-for-the-scrape-tests";

	private static final String DATABASE = TestDatabase.newDatabaseUrl("scrape");

	private static final Path OBSERVABILITY = Path.of("jobs/observability");

	/**
	 * Named by the dashboard, and registered only when what it counts happens, which a clean run
	 * never meets: a deadlock or a lock wait timeout (its tags, the step and the kind, are known only
	 * then). batch.job.TransientErrorIntegrationTests provokes real ones and checks this meter.
	 */
	private static final Set<String> ONLY_WHEN_IT_HAPPENS = Set.of("batch_transient_errors_total");

	// PromQL's words that look like metric names: operators, modifiers and the few literals
	private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "by", "without", "on", "ignoring",
			"group_left", "group_right", "offset", "bool", "inf", "nan");

	private static final ObjectMapper JSON = new ObjectMapper();

	@TempDir
	static Path directory;

	static GeneratedContracts contracts;

	@LocalServerPort
	private int port;

	@Autowired
	private PartitionWorker worker;

	private ApiHttp api() {
		return new ApiHttp(this.port, TOKEN);
	}

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry, DATABASE);
		registry.add("batch.api.input-directory", () -> directory.toString());
		registry.add("spring.data.redis.host", () -> TestRedis.shared().host());
		registry.add("spring.data.redis.port", () -> TestRedis.shared().port());
		// queues of its own on a shared Redis
		registry.add("batch.remote.namespace", () -> "scrape-" + ProcessHandle.current().pid());
	}

	@BeforeAll
	static void files() throws IOException {
		GeneratedPolicies.write(directory.resolve("policies.csv"), 200, 7, 0);
		contracts = GeneratedContracts.write(directory, "contracts", 60, 7, 0);
	}

	@Test
	void everyMetricOfTheDashboardAndTheAlertsIsScrapedAfterARunOfEachJob() throws Exception {
		this.worker.start();
		try {
			// the console's Workers page, before any run: the worker listens, idle
			ConsoleHttp console = new ConsoleHttp(this.port);
			console.signIn(TOKEN);
			String workers = console.send(console.get("/workers").build()).body();
			assertThat(workers).contains("id=\"workers\"")
				.contains("process " + ProcessHandle.current().pid() + " on ")
				.contains("nothing: idle")
				.doesNotContain("id=\"no-workers\"");
			run("illustrationJob", "{\"input\": \"policies.csv\", \"run.id\": \"scrape-1\"}");
			run("cashFlowJob", "{\"input\": \"" + contracts.contracts().getFileName() + "\", \"observations\": \""
					+ contracts.observations().getFileName() + "\", \"curves\": \""
					+ contracts.curves().getFileName() + "\"}");
		}
		finally {
			assertThat(this.worker.stop()).as("the worker drained").isTrue();
		}

		HttpResponse<String> scrape = api().get("/actuator/prometheus");

		assertThat(scrape.statusCode()).isEqualTo(200);
		Set<String> scraped = scrapedNames(scrape.body());
		Set<String> named = namedByTheDashboardAndTheAlerts();
		named.removeAll(ONLY_WHEN_IT_HAPPENS);
		assertThat(named).as("metrics named by the dashboard and the alerts").isNotEmpty();
		assertThat(scraped).as("the scrape").containsAll(named);
		assertThat(scrape.body())
			.contains("batch_runs_total{job=\"illustrationJob\",status=\"COMPLETED\"} 1.0")
			.contains("batch_runs_total{job=\"cashFlowJob\",status=\"COMPLETED\"} 1.0")
			.contains("batch_runs_total{job=\"illustrationJob\",status=\"FAILED\"} 0.0")
			.contains("batch_runs_running{job=\"illustrationJob\"} 0.0")
			// every policy written once, by the partitions on the worker, counted together as the
			// partitions' step (their executions are calculateIllustrationsWorker:partition0, ...)
			.contains("batch_items_written_total{job=\"illustrationJob\",step=\"calculateIllustrationsWorker\"} 200.0")
			.contains("batch_items_written_total{job=\"cashFlowJob\",step=\"projectCashFlowsWorker\"} 60.0")
			.contains("batch_items_written_total{job=\"illustrationJob\",step=\"importPolicies\"} 200.0")
			.contains("batch_worker_takeovers_total{job=\"cashFlowJob\"} 0.0")
			// the worker drained and left; nothing waits
			.containsPattern("batch_remote_partitions_waiting\\{job=\"illustrationJob\",remote_namespace=\"scrape-\\d+\"\\} 0\\.0")
			.containsPattern("batch_remote_workers\\{remote_namespace=\"scrape-\\d+\"\\} 0\\.0")
			.doesNotContainPattern("batch_items_written_total\\{[^}]*step=\"[^\"]*:");
	}

	@Test
	void theMetricThatAppearsOnlyWhenItHappensIsNamed() throws IOException {
		assertThat(namedByTheDashboardAndTheAlerts()).containsAll(ONLY_WHEN_IT_HAPPENS);
	}

	@Test
	void metricNamesAreReadOutOfPromQl() {
		assertThat(metricNames("sum by (job) (min_over_time(batch_runs_running[15m])) > 0 unless on (job) "
				+ "sum by (job, step) (rate(batch_items_written_total{status=\"FAILED\", x=~\"a(b)\"}[$__rate_interval] "
				+ "offset 5m)) / on () group_left (x) up"))
			.containsExactlyInAnyOrder("batch_runs_running", "batch_items_written_total", "up");
	}

	private static Set<String> namedByTheDashboardAndTheAlerts() throws IOException {
		List<String> expressions = new ArrayList<>();
		JSON.readTree(Files.readString(OBSERVABILITY.resolve("dashboard.json")))
			.findValues("expr")
			.forEach((expr) -> expressions.add(expr.asString()));
		for (Object document : new Yaml().loadAll(Files.readString(OBSERVABILITY.resolve("alerts.yaml")))) {
			collectExpressions(document, expressions);
		}
		assertThat(expressions).as("PromQL expressions").hasSizeGreaterThan(10);
		Set<String> names = new TreeSet<>();
		expressions.forEach((expr) -> names.addAll(metricNames(expr)));
		return names;
	}

	private static void collectExpressions(Object yaml, List<String> expressions) {
		if (yaml instanceof Map<?, ?> map) {
			map.forEach((key, value) -> {
				if ("expr".equals(key)) {
					expressions.add(String.valueOf(value));
				}
				else {
					collectExpressions(value, expressions);
				}
			});
		}
		else if (yaml instanceof List<?> list) {
			list.forEach((item) -> collectExpressions(item, expressions));
		}
	}

	/**
	 * The metric names of a PromQL expression. A regex over what is left once the strings, the label
	 * matchers, the ranges, the label lists of by, on, ... and Grafana's variables are cut out,
	 * rather than a PromQL parser, which Java has none of (Prometheus's own is Go): what remains are
	 * functions (an identifier before a parenthesis), keywords, numbers and metric names, and this
	 * project's expressions use nothing else (the test above holds the regex to that).
	 */
	static Set<String> metricNames(String promql) {
		String bare = promql.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")
			.replaceAll("\\{[^}]*}", " ")
			.replaceAll("\\[[^\\]]*]", " ")
			.replaceAll("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ")
			.replaceAll("\\$\\w+", " ");
		Matcher identifiers = Pattern.compile("(?<![\\w:])[a-zA-Z_:][\\w:]*+(?!\\s*\\()").matcher(bare);
		Set<String> names = new TreeSet<>();
		while (identifiers.find()) {
			if (!KEYWORDS.contains(identifiers.group().toLowerCase())) {
				names.add(identifiers.group());
			}
		}
		return names;
	}

	// the names of the samples in Prometheus's text format: what comes before the labels or the value
	private static Set<String> scrapedNames(String scrape) {
		Set<String> names = new TreeSet<>();
		for (String line : scrape.split("\n")) {
			if (!line.isBlank() && !line.startsWith("#")) {
				names.add(line.split("[{ ]", 2)[0]);
			}
		}
		return names;
	}

	private void run(String job, String parameters) throws Exception {
		HttpResponse<String> started = api().post("/api/jobs/" + job + "/executions", parameters);
		assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
		String location = started.headers().firstValue("Location").orElseThrow();
		long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
		while (true) {
			JsonNode report = JSON.readTree(api().get(location).body());
			if (report.path("status").asString().equals("COMPLETED") && !report.path("active").asBoolean()) {
				return;
			}
			assertThat(report.path("status").asString()).as(report.toString()).isIn("STARTING", "STARTED", "COMPLETED");
			assertThat(System.nanoTime()).as(job + " completed in time: " + report).isLessThan(deadline);
			Thread.sleep(200);
		}
	}

}
