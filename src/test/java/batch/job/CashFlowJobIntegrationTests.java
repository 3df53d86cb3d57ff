package batch.job;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import batch.domain.cashflow.CashFlowEngine;
import batch.domain.cashflow.CashFlowProjection;
import batch.domain.cashflow.CashFlowRejectReason;
import batch.domain.cashflow.ContractTerms;
import batch.domain.cashflow.ContractType;
import batch.domain.cashflow.Horizon;
import batch.domain.cashflow.ObservedEvents;
import batch.domain.cashflow.ObservedMarketData;
import batch.domain.cashflow.PresentValue;
import batch.domain.cashflow.YieldCurve;
import batch.testsupport.GeneratedContracts;
import batch.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * cashFlowJob end to end on a real MariaDB: a generated file with invalid rows, a restart after a
 * failure the database injects, and re-runs that replace a contract's events.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "batch.chunk-size=100", "batch.partition.grid-size=3", "batch.partition.threads=2" })
@SpringBatchTest
class CashFlowJobIntegrationTests {

	private static final String DATABASE = TestDatabase.newDatabaseUrl("cash_flow_job");

	@TempDir
	static Path directory;

	static GeneratedContracts contracts;

	@Autowired
	private JobOperatorTestUtils jobs;

	@Autowired
	private Job cashFlowJob;

	@Autowired
	private JdbcTemplate jdbc;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry, DATABASE);
	}

	@BeforeAll
	static void generate() throws Exception {
		contracts = GeneratedContracts.write(directory, "contracts", 2500, 21, 0.08, EnumSet.allOf(ContractType.class));
	}

	@BeforeEach
	void cashFlowJobUnderTest() {
		this.jobs.setJob(this.cashFlowJob);
	}

	@Test
	void projectsValuesAndRejectsAGeneratedFile() throws Exception {
		JobExecution execution = Runs.start(this.jobs, contracts, contracts.contracts(), directory.resolve("export"));

		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		// every invalid row is recorded with its line and reason, projection failures included
		Map<Long, CashFlowRejectReason> rejects = new HashMap<>();
		this.jdbc.query("SELECT line_number, reason_code FROM rejected_record WHERE job_instance_id = ? AND source = ?",
				(rs) -> {
					rejects.put(rs.getLong(1), CashFlowRejectReason.valueOf(rs.getString(2)));
				}, execution.getJobInstanceId(), "contracts");
		assertThat(contracts.expectedRejects()).hasSizeGreaterThan(150);
		assertThat(rejects).isEqualTo(contracts.expectedRejects());
		assertThat(Set.copyOf(rejects.values())).hasSize(CashFlowRejectReason.values().length);
		// and every other contract's events and value are the engine's
		ObservedMarketData market = contracts.marketData();
		Map<String, YieldCurve> curves = contracts.yieldCurves();
		CashFlowEngine engine = new CashFlowEngine();
		int valued = 0;
		long events = 0;
		Set<ContractType> types = EnumSet.noneOf(ContractType.class);
		for (Map.Entry<Long, Map<String, String>> row : contracts.rows().entrySet()) {
			if (contracts.expectedRejects().containsKey(row.getKey())) {
				continue;
			}
			ContractTerms terms = ContractTerms.parse(GeneratedContracts.terms(row.getValue()));
			CashFlowProjection projection = engine.project(terms, market);
			assertStored(projection);
			types.add(terms.type());
			BigDecimal pv = this.jdbc.queryForObject("SELECT pv FROM contract_valuation WHERE contract_id = ?",
					BigDecimal.class, terms.contractId());
			// in the contract's currency: a second currency's leg is valued apart
			double expected = PresentValue.of(projection, terms.currency(), curves.get(terms.currency()),
					terms.statusDate().toLocalDate());
			assertThat(pv.doubleValue()).as(terms.contractId()).isCloseTo(expected,
					org.assertj.core.api.Assertions.within(1e-9 * Math.max(1, Math.abs(expected)) + 1e-10));
			valued++;
			events += projection.size();
		}
		assertThat(valued).isGreaterThan(1800);
		// every type but cash, which never ends: its rows are all among the rejects (MISSING_HORIZON)
		assertThat(types).isEqualTo(EnumSet.complementOf(EnumSet.of(ContractType.CSH)));
		assertThat(count("SELECT COUNT(*) FROM cash_flow f JOIN run_contract r ON r.contract_id = f.contract_id"
				+ " WHERE r.job_instance_id = ?", execution.getJobInstanceId())).isEqualTo(events);
		assertThat(Steps.named(execution, "projectCashFlows").getWriteCount()).isEqualTo(valued);
		assertThat(Files.readAllLines(directory.resolve("export/cash-flows.csv"))).hasSize((int) events + 1);
		assertThat(Files.readAllLines(directory.resolve("export/valuations.csv"))).hasSize(valued + 1);
		assertThat(Files.readAllLines(directory.resolve("export/rejects.csv"))).hasSize(rejects.size() + 1);
	}

	@Test
	void aFailedProjectionRestartsWhereItStoppedAndEndsWithTheSameRows() throws Exception {
		Runs.start(this.jobs, contracts, contracts.contracts(), directory.resolve("uninterrupted"));
		List<Map<String, Object>> uninterrupted = cashFlowRows();
		// a contract that has events to write
		List<String> ids = this.jdbc.queryForList(
				"SELECT r.contract_id FROM run_contract r WHERE r.job_instance_id = (SELECT MAX(job_instance_id)"
						+ " FROM run_contract) AND r.contract_id IN (SELECT contract_id FROM contract_valuation"
						+ " WHERE events > 0) ORDER BY r.line_number",
				String.class);
		this.jdbc.update("DELETE FROM cash_flow WHERE contract_id LIKE 'CONTRACTS-%'");
		this.jdbc.update("DELETE FROM contract_valuation WHERE contract_id LIKE 'CONTRACTS-%'");
		String refused = ids.get(ids.size() * 5 / 6);
		this.jdbc.execute("CREATE TRIGGER refuse_contract BEFORE INSERT ON cash_flow FOR EACH ROW BEGIN"
				+ " IF NEW.contract_id = '" + refused + "' THEN SIGNAL SQLSTATE '45000'"
				+ " SET MESSAGE_TEXT = 'injected failure'; END IF; END");
		JobExecution failed;
		try {
			failed = Runs.start(this.jobs, contracts, contracts.contracts(), directory.resolve("restarted"));
		}
		finally {
			this.jdbc.execute("DROP TRIGGER refuse_contract");
		}
		assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
		List<StepExecution> partitions = Steps.partitions(failed);
		StepExecution failedPartition = partitions.stream()
			.filter((partition) -> partition.getStatus() == BatchStatus.FAILED)
			.findFirst()
			.orElseThrow();
		assertThat(failedPartition.getWriteCount()).isPositive();

		JobExecution restarted = this.jobs.getJobOperator().restart(failed);

		assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(Steps.partitions(restarted)).singleElement()
			.satisfies((partition) -> assertThat(partition.getStepName()).isEqualTo(failedPartition.getStepName()));
		assertThat(restarted.getStepExecutions()).extracting(StepExecution::getStepName)
			.doesNotContain("importContracts", "importObservations", "importCurves");
		assertThat(cashFlowRows()).isEqualTo(uninterrupted);
		for (String file : List.of("cash-flows.csv", "valuations.csv", "rejects.csv")) {
			assertThat(directory.resolve("restarted").resolve(file))
				.hasSameTextualContentAs(directory.resolve("uninterrupted").resolve(file));
		}
	}

	@Test
	void aContractWithFewerEventsLeavesNoStaleRows() throws Exception {
		GeneratedContracts small = GeneratedContracts.write(directory, "small", 40, 33, 0);
		Runs.start(this.jobs, small, small.contracts(), null);
		Map.Entry<Long, Map<String, String>> first = small.rows().entrySet().iterator().next();
		String id = first.getValue().get("contractID");
		long before = count("SELECT COUNT(*) FROM cash_flow WHERE contract_id = ?", id);
		// when the same contract comes back maturing a year after its initial exchange
		Map<String, String> terms = new HashMap<>(first.getValue());
		LocalDate exchange = LocalDate.parse(terms.get("initialExchangeDate"));
		terms.put("maturityDate", exchange.plusYears(1).toString());
		terms.put("cycleOfRateReset", "");
		terms.put("cycleAnchorDateOfRateReset", "");
		terms.put("marketObjectCodeOfRateReset", "");
		terms.put("rateSpread", "");
		terms.put("rateMultiplier", "");
		if (!"PAM".equals(terms.get("contractType"))) {
			terms.put("contractType", "PAM");
			terms.put("cycleAnchorDateOfPrincipalRedemption", "");
			terms.put("cycleOfPrincipalRedemption", "");
			terms.put("nextPrincipalRedemptionPayment", "");
		}
		Path shorter = oneContractFile(small, terms, "shorter.csv");
		JobExecution rerun = Runs.start(this.jobs, small, shorter, null);

		assertThat(rerun.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		long after = count("SELECT COUNT(*) FROM cash_flow WHERE contract_id = ?", id);
		assertThat(after).isLessThan(before);
		assertThat(count("SELECT MAX(seq) FROM cash_flow WHERE contract_id = ?", id)).isEqualTo(after);
		assertThat(count("SELECT events FROM contract_valuation WHERE contract_id = ?", id)).isEqualTo(after);
	}

	@Test
	void aContractThatThisRunRejectsIsExportedOnlyAsAReject() throws Exception {
		GeneratedContracts some = GeneratedContracts.write(directory, "some", 10, 34, 0);
		Runs.start(this.jobs, some, some.contracts(), null);
		Map<String, String> terms = new HashMap<>(some.rows().values().iterator().next());
		String id = terms.get("contractID");
		long earlier = count("SELECT COUNT(*) FROM cash_flow WHERE contract_id = ?", id);
		// when it comes back in a currency without a curve
		terms.put("currency", "JPY");
		Path export = directory.resolve("rejected-export");
		JobExecution rerun = Runs.start(this.jobs, some, oneContractFile(some, terms, "jpy.csv"), export);

		assertThat(rerun.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(Files.readAllLines(export.resolve("rejects.csv"))).hasSize(2)
			.last()
			.asString()
			.startsWith("2," + id + ",MISSING_MARKET_DATA,");
		// the earlier run's results stay in the tables, but they are not this run's
		assertThat(count("SELECT COUNT(*) FROM cash_flow WHERE contract_id = ?", id)).isEqualTo(earlier);
		assertThat(Files.readAllLines(export.resolve("cash-flows.csv"))).hasSize(1);
		assertThat(Files.readAllLines(export.resolve("valuations.csv"))).hasSize(1);
	}

	@Test
	void aBookOfEveryTypeProjectsToAHorizonEachLegInItsCurrency() throws Exception {
		GeneratedContracts book = GeneratedContracts.write(directory, "book", 600, 36, 0,
				EnumSet.allOf(ContractType.class));
		LocalDate horizon = LocalDate.parse("2046-12-31");
		Path export = directory.resolve("book-export");
		JobExecution execution = this.jobs.startJob(new JobParametersBuilder()
			.addString(CashFlowJobParameters.INPUT, book.contracts().toString())
			.addString(CashFlowJobParameters.OBSERVATIONS, book.observations().toString())
			.addString(CashFlowJobParameters.CURVES, book.curves().toString())
			.addString(CashFlowJobParameters.HORIZON, horizon.toString())
			.addString(CashFlowJobParameters.RUN_ID, UUID.randomUUID().toString())
			.addString(CashFlowJobParameters.EXPORT_DIR, export.toString(), false)
			.toJobParameters());

		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		// the contracts without an end are the ones a run without a horizon rejects, and this one projects
		assertThat(book.expectedRejects()).isNotEmpty().containsValue(CashFlowRejectReason.MISSING_HORIZON);
		assertThat(Files.readAllLines(export.resolve("rejects.csv"))).hasSize(1);
		ObservedMarketData market = book.marketData();
		Map<String, YieldCurve> curves = book.yieldCurves();
		CashFlowEngine engine = new CashFlowEngine();
		Horizon until = Horizon.until(horizon.atTime(23, 59, 59));
		Set<ContractType> types = EnumSet.noneOf(ContractType.class);
		int twoCurrencies = 0;
		for (Map<String, String> row : book.rows().values()) {
			ContractTerms terms = ContractTerms.parse(GeneratedContracts.terms(row));
			CashFlowProjection projection = engine.project(terms, market, until, ObservedEvents.NONE);
			assertStored(projection);
			types.add(terms.type());
			List<String> legs = projection.currencies();
			if (legs.size() > 1) {
				// the second leg's value in its own currency, beside the first's
				BigDecimal pv2 = this.jdbc.queryForObject("SELECT pv FROM contract_valuation_currency"
						+ " WHERE contract_id = ? AND currency = ?", BigDecimal.class, terms.contractId(), legs.get(1));
				double expected = PresentValue.of(projection, legs.get(1), curves.get(legs.get(1)),
						terms.statusDate().toLocalDate());
				assertThat(pv2.doubleValue()).as(terms.contractId()).isCloseTo(expected,
						org.assertj.core.api.Assertions.within(1e-9 * Math.max(1, Math.abs(expected)) + 1e-10));
				twoCurrencies++;
			}
		}
		assertThat(types).isEqualTo(EnumSet.allOf(ContractType.class));
		assertThat(twoCurrencies).isPositive();
		assertThat(Files.readAllLines(export.resolve("valuations.csv")).get(0)).endsWith(",currency2,pv2");
		assertThat(Files.readAllLines(export.resolve("valuations.csv")).stream().filter((line) -> line.contains(",FXOUT,"))
			.filter((line) -> !line.endsWith(","))).hasSize(twoCurrencies);
	}

	@Test
	void aHorizonEndsEveryContractAndObservedEventsReachTheirContract() throws Exception {
		GeneratedContracts some = GeneratedContracts.write(directory, "horizon", 30, 35, 0);
		List<Map<String, String>> rows = List.copyOf(some.rows().values());
		String first = rows.get(0).get("contractID");
		String second = rows.get(1).get("contractID");
		LocalDate monitored = LocalDate.parse(rows.get(0).get("statusDate").substring(0, 10)).plusDays(45);
		LocalDate horizon = LocalDate.parse("2029-12-31");
		Path events = Files.write(directory.resolve("events.csv"), List.of("contract_id,time,type,value",
				first + "," + monitored + ",AD,0", // line 2: kept
				"NOT-IN-THE-FILE,2027-01-01,AD,0", // line 3: no such contract
				first + "," + monitored + ",AD,0", // line 4: the same event again
				second + ",2027-01-01,ZZ,0", // line 5: no such event type
				second + ",2027-02-30,AD,0", // line 6: no such day
				second + ",2027-03-01,AD,many")); // line 7: not a number
		JobParametersBuilder parameters = new JobParametersBuilder()
			.addString(CashFlowJobParameters.INPUT, some.contracts().toString())
			.addString(CashFlowJobParameters.OBSERVATIONS, some.observations().toString())
			.addString(CashFlowJobParameters.CURVES, some.curves().toString())
			.addString(CashFlowJobParameters.EVENTS, events.toString())
			.addString(CashFlowJobParameters.HORIZON, horizon.toString())
			.addString(CashFlowJobParameters.RUN_ID, UUID.randomUUID().toString());

		JobExecution execution = this.jobs.startJob(parameters.toJobParameters());

		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		Map<Long, String> rejects = new HashMap<>();
		this.jdbc.query("SELECT line_number, reason_code FROM rejected_record WHERE job_instance_id = ? AND source = ?",
				(rs) -> {
					rejects.put(rs.getLong(1), rs.getString(2));
				}, execution.getJobInstanceId(), "events");
		assertThat(rejects).containsExactlyInAnyOrderEntriesOf(Map.of(3L, "INCONSISTENT_TERMS", 4L,
				"INCONSISTENT_TERMS", 5L, "UNKNOWN_CONVENTION", 6L, "MALFORMED_DATE", 7L, "MALFORMED_NUMBER"));
		// the observed monitoring event is among the contract's events, as the engine projects it
		assertThat(this.jdbc.queryForList("SELECT event_date FROM cash_flow WHERE contract_id = ? AND event_type = 'AD'",
				String.class, first)).containsExactly(monitored.toString());
		// no contract has an event after the horizon, and one that matures later stops there
		assertThat(count("SELECT COUNT(*) FROM cash_flow f JOIN run_contract r ON r.contract_id = f.contract_id"
				+ " WHERE r.job_instance_id = ? AND f.event_date > ?", execution.getJobInstanceId(), horizon.toString()))
			.isZero();
		ObservedMarketData market = some.marketData();
		CashFlowEngine engine = new CashFlowEngine();
		long projected = 0;
		for (Map<String, String> row : rows) {
			CashFlowProjection whole = engine.project(ContractTerms.parse(row), market);
			long upToHorizon = java.util.stream.IntStream.range(0, whole.size())
				.filter((i) -> !whole.time(i).toLocalDate().isAfter(horizon))
				.count();
			long stored = count("SELECT COUNT(*) FROM cash_flow WHERE contract_id = ?", whole.contractId());
			assertThat(stored).as(whole.contractId()).isEqualTo(upToHorizon + (whole.contractId().equals(first) ? 1 : 0));
			projected += (upToHorizon < whole.size()) ? 1 : 0;
		}
		assertThat(projected).as("contracts that the horizon cut short").isGreaterThan(10);
	}

	// A contracts file with the generated header and one row of these terms.
	private static Path oneContractFile(GeneratedContracts generated, Map<String, String> terms, String name)
			throws Exception {
		String header = Files.readAllLines(generated.contracts()).get(0);
		StringBuilder row = new StringBuilder();
		for (String column : header.split(",")) {
			row.append(row.isEmpty() ? "" : ",").append(terms.getOrDefault(column, ""));
		}
		return Files.write(directory.resolve(name), List.of(header, row.toString()));
	}

	private void assertStored(CashFlowProjection projection) {
		List<Map<String, Object>> rows = this.jdbc.queryForList(
				"SELECT * FROM cash_flow WHERE contract_id = ? ORDER BY seq", projection.contractId());
		assertThat(rows).as(projection.contractId()).hasSize(projection.size());
		for (int i = 0; i < projection.size(); i++) {
			Map<String, Object> row = rows.get(i);
			assertThat(row.get("event_type")).isEqualTo(projection.type(i).name());
			assertThat(row.get("currency")).isEqualTo(projection.currency(i));
			assertThat(row.get("event_date").toString()).isEqualTo(projection.time(i).toLocalDate().toString());
			assertThat((BigDecimal) row.get("payoff")).isEqualByComparingTo(decimal(projection.payoff(i)));
			assertThat((BigDecimal) row.get("notional_principal"))
				.isEqualByComparingTo(decimal(projection.notionalPrincipal(i)));
			assertThat((BigDecimal) row.get("nominal_interest_rate"))
				.isEqualByComparingTo(decimal(projection.nominalInterestRate(i)));
			assertThat((BigDecimal) row.get("accrued_interest"))
				.isEqualByComparingTo(decimal(projection.accruedInterest(i)));
		}
	}

	private static BigDecimal decimal(double value) {
		return BigDecimal.valueOf(value).setScale(10, RoundingMode.HALF_UP);
	}

	private List<Map<String, Object>> cashFlowRows() {
		return this.jdbc.queryForList("SELECT contract_id, seq, event_date, event_type, currency, payoff,"
				+ " notional_principal, nominal_interest_rate, accrued_interest FROM cash_flow"
				+ " WHERE contract_id LIKE 'CONTRACTS-%' ORDER BY contract_id, seq");
	}

	private long count(String sql, Object... args) {
		Long value = this.jdbc.queryForObject(sql, Long.class, args);
		return (value != null) ? value : 0;
	}

	// Not methods of the test class: @SpringBatchTest takes any method returning a
	// StepExecution or a JobExecution for the scopes' own.
	private static final class Runs {

		static JobExecution start(JobOperatorTestUtils jobs, GeneratedContracts market, Path input, Path exportDir)
				throws Exception {
			JobParametersBuilder parameters = new JobParametersBuilder()
				.addString(CashFlowJobParameters.INPUT, input.toString())
				.addString(CashFlowJobParameters.OBSERVATIONS, market.observations().toString())
				.addString(CashFlowJobParameters.CURVES, market.curves().toString())
				.addString(CashFlowJobParameters.RUN_ID, UUID.randomUUID().toString());
			if (exportDir != null) {
				parameters.addString(CashFlowJobParameters.EXPORT_DIR, exportDir.toString(), false);
			}
			return jobs.startJob(parameters.toJobParameters());
		}

	}

	private static final class Steps {

		static StepExecution named(JobExecution execution, String name) {
			return execution.getStepExecutions()
				.stream()
				.filter((step) -> step.getStepName().equals(name))
				.findFirst()
				.orElseThrow();
		}

		static List<StepExecution> partitions(JobExecution execution) {
			return execution.getStepExecutions()
				.stream()
				.filter((step) -> step.getStepName().startsWith("projectCashFlowsWorker:"))
				.toList();
		}

	}

}
