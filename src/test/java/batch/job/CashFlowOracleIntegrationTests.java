package batch.job;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import batch.reader.Csv;
import batch.testsupport.ConformanceCaseFiles;
import batch.testsupport.TestDatabase;
import com.opencsv.CSVReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 600 oracle cases and the published PAM, ANN, LAM and NAM cases as one contracts file through
 * cashFlowJob: every exported event is the one actus-core computed, and the job projects the
 * whole contract, so where a business-day shift moves an interest payment or a LAM/NAM maturity
 * past the maturity date (where actus-core's list stops), the job has those events after it, and
 * the interest they pay is not lost.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "batch.chunk-size=50", "batch.partition.grid-size=4", "batch.partition.threads=2" })
@SpringBatchTest
class CashFlowOracleIntegrationTests {

	private static final String DATABASE = TestDatabase.newDatabaseUrl("cash_flow_oracle");

	private static final List<String> OTHER_TYPES = List.of("lax", "clm", "ump", "swppv", "fxout", "stk", "com",
			"csh");

	private static final List<String> FIELDS = List.of("payoff", "notionalPrincipal", "nominalInterestRate",
			"accruedInterest");

	@TempDir
	static Path directory;

	static ConformanceCaseFiles files;

	@Autowired
	private JobOperatorTestUtils jobs;

	@Autowired
	private Job cashFlowJob;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry, DATABASE);
	}

	@BeforeAll
	static void casesAsJobInput() throws Exception {
		List<String> resources = new ArrayList<>();
		for (String type : List.of("pam", "ann", "lam", "nam")) {
			resources.add("/actus-oracle/oracle-" + type + ".json.gz");
			resources.add("/actus/actus-tests-" + type + ".json");
		}
		files = ConformanceCaseFiles.write(directory.resolve("input"), ConformanceCaseFiles.read(resources));
	}

	@Test
	void everyCaseIsTheReferencesAndTheWholeContract() throws Exception {
		this.jobs.setJob(this.cashFlowJob);
		Path export = directory.resolve("export");
		JobExecution execution = this.jobs.startJob(new JobParametersBuilder()
			.addString(CashFlowJobParameters.INPUT, files.contracts().toString())
			.addString(CashFlowJobParameters.OBSERVATIONS, files.observations().toString())
			.addString(CashFlowJobParameters.CURVES, files.curves().toString())
			.addString(CashFlowJobParameters.RUN_ID, UUID.randomUUID().toString())
			.addString(CashFlowJobParameters.EXPORT_DIR, export.toString(), false)
			.toJobParameters());

		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(Files.readAllLines(export.resolve("rejects.csv"))).hasSize(1);
		Map<String, List<String[]>> exported = exportedEvents(export.resolve("cash-flows.csv"));
		assertThat(exported.keySet()).containsExactlyInAnyOrderElementsOf(files.cases().keySet());
		List<String> differences = new ArrayList<>();
		Map<String, List<String[]>> beyond = new HashMap<>();
		for (Map.Entry<String, JsonNode> entry : files.cases().entrySet()) {
			String id = entry.getKey();
			JsonNode expected = entry.getValue().path("results");
			List<String[]> events = exported.get(id);
			if (events.size() < expected.size()) {
				differences.add(id + ": " + events.size() + " events, expected at least " + expected.size());
				continue;
			}
			for (int i = 0; i < expected.size(); i++) {
				String difference = difference(expected.get(i), events.get(i));
				if (difference != null) {
					differences.add(id + " event " + i + ": " + difference);
					break;
				}
			}
			List<String[]> extra = events.subList(expected.size(), events.size());
			if (!extra.isEmpty()) {
				beyond.put(id, extra);
				// only what a shift moved past the end the case's list stops at
				String end = end(entry.getValue());
				for (String[] event : extra) {
					if (event[2].compareTo(end) <= 0) {
						differences.add(id + ": " + event[3] + " on " + event[2] + " is not after " + end);
					}
				}
			}
		}
		assertThat(differences).isEmpty();

		// the oracle README's examples: an interest payment moved past an unshifted PAM or ANN
		// maturity, and LAM and NAM maturities moved later
		assertThat(beyond).containsKeys("dpam001", "dpam045", "dann017", "dlam004", "dnam037");
		assertThat(beyond.get("dpam001")).extracting((event) -> event[3]).containsExactly("IP");
		assertThat(beyond.get("dlam004")).extracting((event) -> event[3]).contains("MD");
		assertThat(beyond.get("dnam037")).extracting((event) -> event[3]).contains("MD");
		// dpam045 had accrued 376.41 of interest by its last reset, which actus-core never pays
		BigDecimal paid = new BigDecimal(beyond.get("dpam045").get(0)[5]);
		assertThat(paid.abs()).isGreaterThan(new BigDecimal("376.40"));
		// every LAM and NAM whose maturity moved later still repays its notional, in the job
		long repaid = beyond.values()
			.stream()
			.filter((events) -> events.get(events.size() - 1)[3].equals("MD"))
			.filter((events) -> new BigDecimal(events.get(events.size() - 1)[6]).signum() == 0)
			.count();
		assertThat(repaid).isGreaterThanOrEqualTo(19);
	}

	/**
	 * The published cases of the types beside the lending ones, through the job as an operator
	 * would run them: array terms as JSON cells, observed events in an events file, and each case's
	 * end as the run's horizon (one run per end date); every exported event is the case's.
	 */
	@Test
	void everyPublishedCaseOfTheOtherTypesIsTheReferencesThroughTheJob() throws Exception {
		this.jobs.setJob(this.cashFlowJob);
		Map<String, JsonNode> cases = ConformanceCaseFiles.read(OTHER_TYPES.stream()
			.map((type) -> "/actus/actus-tests-" + type + ".json")
			.toList());
		// a run per end date, and another where two cases give one series two ways (fxout09, fxout12)
		List<Map.Entry<String, Map<String, JsonNode>>> runs = new ArrayList<>();
		for (Map.Entry<String, JsonNode> entry : cases.entrySet()) {
			String horizon = entry.getValue().path("to").asString().substring(0, 10);
			Map<String, JsonNode> run = runs.stream()
				.filter((candidate) -> candidate.getKey().equals(horizon)
						&& agree(candidate.getValue().values(), entry.getValue()))
				.map(Map.Entry::getValue)
				.findFirst()
				.orElse(null);
			if (run == null) {
				run = new LinkedHashMap<>();
				runs.add(Map.entry(horizon, run));
			}
			run.put(entry.getKey(), entry.getValue());
		}
		List<String> differences = new ArrayList<>();
		int compared = 0;
		for (Map.Entry<String, Map<String, JsonNode>> run : runs) {
			Path in = directory.resolve("other-types").resolve(run.getKey() + "-" + run.getValue().keySet().iterator().next());
			ConformanceCaseFiles given = ConformanceCaseFiles.writeAsGiven(in, run.getValue());
			JobExecution execution = this.jobs.startJob(new JobParametersBuilder()
				.addString(CashFlowJobParameters.INPUT, given.contracts().toString())
				.addString(CashFlowJobParameters.OBSERVATIONS, given.observations().toString())
				.addString(CashFlowJobParameters.CURVES, given.curves().toString())
				.addString(CashFlowJobParameters.EVENTS, given.events().toString())
				.addString(CashFlowJobParameters.HORIZON, run.getKey())
				.addString(CashFlowJobParameters.RUN_ID, UUID.randomUUID().toString())
				.addString(CashFlowJobParameters.EXPORT_DIR, in.resolve("export").toString(), false)
				.toJobParameters());
			assertThat(execution.getStatus()).as(run.getKey()).isEqualTo(BatchStatus.COMPLETED);
			assertThat(Files.readAllLines(in.resolve("export/rejects.csv"))).as(run.getKey()).hasSize(1);
			Map<String, List<String[]>> exported = exportedEvents(in.resolve("export/cash-flows.csv"));
			for (Map.Entry<String, JsonNode> entry : run.getValue().entrySet()) {
				JsonNode expected = entry.getValue().path("results");
				List<String[]> events = exported.getOrDefault(entry.getKey(), List.of());
				if (events.size() != expected.size()) {
					differences.add(entry.getKey() + ": " + events.size() + " events, expected " + expected.size());
					continue;
				}
				for (int i = 0; i < expected.size(); i++) {
					String difference = difference(expected.get(i), events.get(i));
					if (difference != null) {
						differences.add(entry.getKey() + " event " + i + ": " + difference);
						break;
					}
				}
				compared++;
			}
		}
		assertThat(differences).isEmpty();
		assertThat(compared).isEqualTo(cases.size()).isGreaterThan(60);
	}

	// Whether a case gives each of its series as the cases of a run do, if they give it.
	private static boolean agree(Collection<JsonNode> run, JsonNode testCase) {
		for (Map.Entry<String, JsonNode> series : testCase.path("dataObserved").properties()) {
			for (JsonNode other : run) {
				JsonNode given = other.path("dataObserved").path(series.getKey());
				if (!given.isMissingNode() && !given.path("data").equals(series.getValue().path("data"))) {
					return false;
				}
			}
		}
		return true;
	}

	// The last date a case's list may hold: its end if given, else its maturity date, else its
	// last event's (a derived maturity).
	private static String end(JsonNode testCase) {
		String to = testCase.path("to").asString("");
		if (!to.isBlank()) {
			return to.substring(0, 10);
		}
		String maturity = testCase.path("terms").path("maturityDate").asString("");
		if (!maturity.isBlank()) {
			return maturity.substring(0, 10);
		}
		JsonNode results = testCase.path("results");
		return results.get(results.size() - 1).path("eventDate").asString().substring(0, 10);
	}

	private static String difference(JsonNode expected, String[] event) {
		String date = expected.path("eventDate").asString().substring(0, 10);
		if (!date.equals(event[2]) || !expected.path("eventType").asString().equals(event[3])
				|| !expected.path("currency").asString().equals(event[4])) {
			return "expected " + date + " " + expected.path("eventType").asString() + ", got " + event[2] + " "
					+ event[3];
		}
		for (int f = 0; f < FIELDS.size(); f++) {
			JsonNode want = expected.path(FIELDS.get(f));
			if (want.isMissingNode()) {
				continue;
			}
			BigDecimal w = new BigDecimal(want.asString().strip());
			BigDecimal g = new BigDecimal(event[5 + f]);
			BigDecimal allowed = w.abs().max(BigDecimal.ONE).multiply(new BigDecimal("1e-9"));
			if (g.subtract(w).abs().compareTo(allowed) > 0) {
				return FIELDS.get(f) + " expected " + w + ", got " + g + " (" + event[3] + " on " + event[2] + ")";
			}
		}
		return null;
	}

	// contract_id,seq,event_date,event_type,currency,payoff,notional_principal,nominal_interest_rate,accrued_interest
	private static Map<String, List<String[]>> exportedEvents(Path file) throws Exception {
		Map<String, List<String[]>> events = new HashMap<>();
		try (CSVReader csv = Csv.reader(Files.newBufferedReader(file))) {
			String[] header = csv.readNext();
			assertThat(header).containsExactly("contract_id", "seq", "event_date", "event_type", "currency", "payoff",
					"notional_principal", "nominal_interest_rate", "accrued_interest");
			for (String[] row = csv.readNext(); row != null; row = csv.readNext()) {
				events.computeIfAbsent(row[0], (id) -> new ArrayList<>()).add(row);
			}
		}
		return events;
	}

}
