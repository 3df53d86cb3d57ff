package batch.job;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import batch.domain.illustration.DuplicateCheck;
import batch.domain.illustration.Illustration;
import batch.domain.illustration.IllustrationYear;
import batch.domain.illustration.Illustrator;
import batch.domain.illustration.PolicyFields;
import batch.domain.illustration.PolicyRejectedException;
import batch.domain.illustration.PolicyValidator;
import batch.domain.illustration.RejectReason;
import batch.domain.illustration.ScenarioValues;
import batch.domain.illustration.ValidatedPolicy;
import batch.privacy.PersonalDataProtector;
import batch.testsupport.GeneratedPolicies;
import batch.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
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
 * illustrationJob end to end on a real MariaDB: a generated file with invalid rows, re-runs, and
 * restarts after failures injected by the database itself.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "batch.chunk-size=100", "batch.partition.grid-size=3", "batch.partition.threads=2" })
@SpringBatchTest
class IllustrationJobIntegrationTests {

	private static final String DATABASE = TestDatabase.newDatabaseUrl("illustration_job");

	@TempDir
	static Path directory;

	static GeneratedPolicies policies;

	@Autowired
	private JobOperatorTestUtils jobs;

	@Autowired
	private Job illustrationJob;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private Illustrator illustrator;

	@Autowired
	private PersonalDataProtector protector;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry, DATABASE);
	}

	@BeforeEach
	void illustrationJobUnderTest() {
		this.jobs.setJob(this.illustrationJob);
	}

	@BeforeAll
	static void generate() throws Exception {
		policies = GeneratedPolicies.write(directory.resolve("policies.csv"), 2400, 11, 0.08);
	}

	@Test
	void importsRejectsAndIllustratesAGeneratedFile() throws Exception {
		// when
		JobExecution execution = Steps.run(this.jobs, policies.file(), directory.resolve("export-1"));

		// then the run completed, every invalid row is recorded with its line and reason
		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		long instance = execution.getJobInstanceId();
		Map<Long, RejectReason> rejects = new HashMap<>();
		this.jdbc.query("SELECT line_number, reason_code FROM rejected_record WHERE job_instance_id = ?",
				(rs) -> {
					rejects.put(rs.getLong(1), RejectReason.valueOf(rs.getString(2)));
				}, instance);
		assertThat(policies.expectedRejects()).hasSizeGreaterThan(100);
		assertThat(rejects).isEqualTo(policies.expectedRejects());
		assertThat(Set.copyOf(rejects.values())).hasSize(RejectReason.values().length);

		// and every valid policy is stored and illustrated exactly as the engine computes it
		Map<Long, Illustration> expected = expectedIllustrations();
		assertThat(count("SELECT COUNT(*) FROM run_policy WHERE job_instance_id = ?", instance))
			.isEqualTo(expected.size());
		long years = expected.values().stream().mapToLong((illustration) -> illustration.years().size()).sum();
		assertThat(count("SELECT COUNT(*) FROM illustration WHERE job_execution_id = ?", execution.getId()))
			.isEqualTo(years);
		assertThat(count("SELECT COUNT(*) FROM illustration_summary WHERE job_execution_id = ? AND basis_version = ?",
				execution.getId(), "basis-2026.1"))
			.isEqualTo(expected.size());
		assertMatchesEngine(expected);

		// and the step counts add up
		StepExecution importStep = Steps.named(execution, "importPolicies");
		assertThat(importStep.getReadCount()).isEqualTo(2400);
		assertThat(importStep.getWriteCount()).isEqualTo(expected.size());
		assertThat(importStep.getProcessSkipCount()).isEqualTo(rejects.size());
		assertThat(Steps.named(execution, "calculateIllustrations").getWriteCount()).isEqualTo(expected.size());

		// and the export holds that file's policies
		Path export = directory.resolve("export-1");
		assertThat(Files.readAllLines(export.resolve("illustrations.csv"))).hasSize((int) years + 1);
		assertThat(Files.readAllLines(export.resolve("summary.csv"))).hasSize(expected.size() + 1);
		assertThat(Files.readAllLines(export.resolve("rejects.csv"))).hasSize(rejects.size() + 1);
	}

	@Test
	void personalDataIsStoredOnlyHashedAndEncrypted() throws Exception {
		JobExecution execution = Steps.run(this.jobs, policies.file(), null);

		Map<Long, String[]> rows = policies.rows();
		Map<Long, String[]> validById = new HashMap<>();
		for (Map.Entry<Long, String[]> row : rows.entrySet()) {
			if (!policies.expectedRejects().containsKey(row.getKey())) {
				validById.put(Long.parseLong(row.getValue()[0]), row.getValue());
			}
		}
		List<Map<String, Object>> stored = this.jdbc.queryForList(
				"SELECT p.* FROM policy p JOIN run_policy r ON r.policy_id = p.policy_id WHERE r.job_instance_id = ?",
				execution.getJobInstanceId());
		assertThat(stored).hasSize(validById.size());
		for (Map<String, Object> policy : stored) {
			String[] input = validById.get(((Number) policy.get("policy_id")).longValue());
			// no column holds the name, the mobile or the date of birth in clear
			assertThat(policy.values()).allSatisfy((value) -> assertThat(String.valueOf(value))
				.doesNotContain(input[2])
				.doesNotContain(input[3])
				.doesNotContain(input[4]));
			assertThat(policy.get("holder_name_hash")).isEqualTo(this.protector.hashName(input[2]));
			assertThat(policy.get("mobile_hash")).isEqualTo(this.protector.hashMobile(input[3]));
			assertThat(this.protector.decryptDate((String) policy.get("dob_encrypted"),
					(String) policy.get("pii_key_id"), ((Number) policy.get("policy_id")).longValue()))
				.hasToString(input[4]);
		}
	}

	@Test
	void reRunningTheSameFileLeavesTheSameRows() throws Exception {
		JobExecution first = Steps.run(this.jobs, policies.file(), directory.resolve("rerun-1"));
		List<Map<String, Object>> afterFirst = illustrationRows();

		JobExecution second = Steps.run(this.jobs, policies.file(), directory.resolve("rerun-2"));

		assertThat(second.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(second.getJobInstanceId()).isNotEqualTo(first.getJobInstanceId());
		assertThat(illustrationRows()).isEqualTo(afterFirst);
		assertThat(count("SELECT COUNT(*) FROM (SELECT policy_id, policy_year FROM illustration"
				+ " GROUP BY policy_id, policy_year HAVING COUNT(*) > 1) d"))
			.isZero();
		for (String file : List.of("illustrations.csv", "summary.csv", "rejects.csv")) {
			assertThat(directory.resolve("rerun-2").resolve(file)).hasSameTextualContentAs(
					directory.resolve("rerun-1").resolve(file));
		}
	}

	@Test
	void aFailedCalculationRestartsWhereItStoppedAndEndsWithTheSameRows() throws Exception {
		// given the rows and export of an uninterrupted run, then an empty result table
		Steps.run(this.jobs, policies.file(), directory.resolve("uninterrupted"));
		List<Map<String, Object>> uninterrupted = illustrationRows();
		this.jdbc.update("DELETE FROM illustration");
		this.jdbc.update("DELETE FROM illustration_summary");

		// when the database refuses the rows of one policy in the middle of the last partition
		JobExecution failed = Steps.runRefusing(this.jdbc, this.jobs, "illustration", 5.0 / 6,
				directory.resolve("restarted"));

		// then the other partitions completed and the failed one had committed chunks
		assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
		List<StepExecution> partitions = partitions(failed);
		assertThat(partitions).hasSize(3);
		StepExecution failedPartition = partitions.stream()
			.filter((partition) -> partition.getStatus() == BatchStatus.FAILED)
			.findFirst()
			.orElseThrow();
		assertThat(partitions).filteredOn((partition) -> partition.getStatus() == BatchStatus.COMPLETED).hasSize(2);
		assertThat(failedPartition.getWriteCount()).isPositive();
		assertThat(count("SELECT COUNT(*) FROM illustration")).isLessThan(uninterrupted.size());

		// when restarted by execution id
		JobExecution restarted = this.jobs.getJobOperator().restart(failed);

		// then only the failed partition ran again, from its last committed chunk
		assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(restarted.getJobInstanceId()).isEqualTo(failed.getJobInstanceId());
		long partitionSize = count(
				"SELECT COUNT(*) FROM run_policy WHERE job_instance_id = ? AND policy_id BETWEEN ? AND ?",
				failed.getJobInstanceId(), failedPartition.getExecutionContext().getLong("minKey"),
				failedPartition.getExecutionContext().getLong("maxKey"));
		assertThat(partitions(restarted)).singleElement().satisfies((partition) -> {
			assertThat(partition.getStepName()).isEqualTo(failedPartition.getStepName());
			assertThat(partition.getReadCount()).isEqualTo(partitionSize - failedPartition.getWriteCount());
		});
		assertThat(restarted.getStepExecutions()).extracting(StepExecution::getStepName)
			.doesNotContain("importPolicies");
		// and the result is exactly the uninterrupted run's
		assertThat(illustrationRows()).isEqualTo(uninterrupted);
		for (String file : List.of("illustrations.csv", "summary.csv", "rejects.csv")) {
			assertThat(directory.resolve("restarted").resolve(file)).hasSameTextualContentAs(
					directory.resolve("uninterrupted").resolve(file));
		}
	}

	@Test
	void aLaterRunOfSomeOfTheSamePoliciesLeavesAnEarlierRunWhole() throws Exception {
		// given a run that failed part-way
		Steps.run(this.jobs, policies.file(), directory.resolve("whole"));
		JobExecution failed = Steps.runRefusing(this.jdbc, this.jobs, "illustration", 0.5,
				directory.resolve("overlapped"));
		assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
		// and a later run of a file with the first 500 of its rows
		List<String> lines = Files.readAllLines(policies.file());
		Path subset = Files.write(directory.resolve("subset.csv"), lines.subList(0, 501));
		assertThat(Steps.run(this.jobs, subset, null).getStatus()).isEqualTo(BatchStatus.COMPLETED);

		// when the first run is restarted
		JobExecution restarted = this.jobs.getJobOperator().restart(failed);

		// then it still calculates and exports every policy of its own file
		assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		for (String file : List.of("illustrations.csv", "summary.csv", "rejects.csv")) {
			assertThat(directory.resolve("overlapped").resolve(file))
				.hasSameTextualContentAs(directory.resolve("whole").resolve(file));
		}
	}

	@Test
	void policiesWhoseTermShortensLoseTheirLaterYearsAndTheOthersKeepTheirs() throws Exception {
		// given 300 policies of 20 years, ids apart from the generated file's: chunks of 100, more
		// than the writer asks about in one query
		long first = 990_000_001L;
		int count = 300;
		List<String> longer = new ArrayList<>(List.of(String.join(",", PolicyFields.HEADER)));
		List<String> shorter = new ArrayList<>(List.of(String.join(",", PolicyFields.HEADER)));
		for (long id = first; id < first + count; id++) {
			String holder = ",ENDOWMENT_PAR,Asha Rao," + (9_876_500_000L + id % 100_000)
					+ ",1990-08-15,F,2026-04-01,250000,25000,YEARLY,";
			longer.add(id + holder + "20,10");
			// and a later file without the second of them (not one shortened), and every third of
			// them now of 10 years
			if (id != first + 1) {
				shorter.add(id + holder + (shortened(id - first) ? "10,5" : "20,10"));
			}
		}
		Path longerFile = Files.write(directory.resolve("longer.csv"), longer);
		Path shorterFile = Files.write(directory.resolve("shorter.csv"), shorter);
		try {
			runLongerThenShorter(longerFile, shorterFile, first, count);
		}
		finally {
			// the other tests compare whole tables
			for (String table : List.of("illustration", "illustration_summary")) {
				this.jdbc.update("DELETE FROM " + table + " WHERE policy_id BETWEEN ? AND ?", first, first + count - 1);
			}
		}
	}

	private void runLongerThenShorter(Path longerFile, Path shorterFile, long first, int count) throws Exception {
		assertThat(Steps.run(this.jobs, longerFile, null).getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(count("SELECT COUNT(*) FROM illustration WHERE policy_id BETWEEN ? AND ?", first,
				first + count - 1))
			.isEqualTo(20L * count);

		// when the later file runs
		assertThat(Steps.run(this.jobs, shorterFile, null).getStatus()).isEqualTo(BatchStatus.COMPLETED);

		// then the shortened policies have their ten years and no more, and the others their twenty
		Map<Long, Long> years = new HashMap<>();
		Map<Long, Long> lastYears = new HashMap<>();
		this.jdbc.query("SELECT policy_id, COUNT(*), MAX(policy_year) FROM illustration"
				+ " WHERE policy_id BETWEEN ? AND ? GROUP BY policy_id", (rs) -> {
					years.put(rs.getLong(1), rs.getLong(2));
					lastYears.put(rs.getLong(1), rs.getLong(3));
				}, first, first + count - 1);
		for (long id = first; id < first + count; id++) {
			long term = shortened(id - first) ? 10 : 20;
			assertThat(years.get(id)).as("years of policy %d", id).isEqualTo(term);
			assertThat(lastYears.get(id)).as("last year of policy %d", id).isEqualTo(term);
		}
	}

	private static boolean shortened(long index) {
		return index % 3 == 0;
	}

	@Test
	void aFailedImportRestartsAndEndsWithTheSameRows() throws Exception {
		Steps.run(this.jobs, policies.file(), directory.resolve("import-uninterrupted"));
		List<Map<String, Object>> uninterrupted = illustrationRows();

		JobExecution failed = Steps.runRefusing(this.jdbc, this.jobs, "policy", 0.5,
				directory.resolve("import-restarted"));

		assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(Steps.named(failed, "importPolicies").getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(Steps.named(failed, "importPolicies").getWriteCount()).isPositive();

		JobExecution restarted = this.jobs.getJobOperator().restart(failed);

		assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(illustrationRows()).isEqualTo(uninterrupted);
		assertThat(count("SELECT COUNT(*) FROM rejected_record WHERE job_instance_id = ?", failed.getJobInstanceId()))
			.isEqualTo(policies.expectedRejects().size());
		for (String file : List.of("illustrations.csv", "summary.csv", "rejects.csv")) {
			assertThat(directory.resolve("import-restarted").resolve(file)).hasSameTextualContentAs(
					directory.resolve("import-uninterrupted").resolve(file));
		}
	}

	// A repeat of the file's first valid row at its end, read after the import failed in its last
	// chunk: the restarted run rejects it as the uninterrupted run does, though the first row was
	// committed by the run that failed (the restarted import reads the file again from the top).
	@Test
	void aDuplicateReadAfterARestartIsStillRejected() throws Exception {
		Map<Long, String[]> rows = policies.rows();
		List<Long> valid = rows.keySet().stream().filter((line) -> !policies.expectedRejects().containsKey(line)).toList();
		List<String> lines = new ArrayList<>(Files.readAllLines(policies.file()));
		lines.add(lines.get((int) (valid.get(0) - 1)));
		Path input = Files.write(directory.resolve("with-duplicate.csv"), lines);
		JobExecution uninterrupted = Steps.run(this.jobs, input, null);
		long refused = Long.parseLong(rows.get(valid.get(valid.size() - 3))[0]);

		JobExecution failed = Steps.runRefusing(this.jdbc, this.jobs, "policy", refused, input);

		assertThat(Steps.named(failed, "importPolicies").getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(Steps.named(failed, "importPolicies").getWriteCount()).as("chunks committed before").isPositive();
		JobExecution restarted = this.jobs.getJobOperator().restart(failed);
		assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(rejects(failed.getJobInstanceId())).contains(lines.size() + "," + RejectReason.DUPLICATE_POLICY_ID)
			.containsExactlyInAnyOrderElementsOf(rejects(uninterrupted.getJobInstanceId()));
	}

	private List<String> rejects(long jobInstanceId) {
		return this.jdbc.queryForList("SELECT CONCAT(line_number, ',', reason_code) FROM rejected_record"
				+ " WHERE job_instance_id = ?", String.class, jobInstanceId);
	}

	private Map<Long, Illustration> expectedIllustrations() throws Exception {
		PolicyValidator validator = new PolicyValidator();
		Set<Long> seen = new HashSet<>();
		DuplicateCheck duplicates = (id, line) -> !seen.add(id);
		Map<Long, Illustration> expected = new HashMap<>();
		for (Map.Entry<Long, String[]> row : policies.rows().entrySet()) {
			if (policies.expectedRejects().containsKey(row.getKey())) {
				continue;
			}
			try {
				ValidatedPolicy valid = validator.validate(PolicyFields.of(row.getValue()), row.getKey(), duplicates);
				expected.put(valid.policy().policyId(), this.illustrator.illustrate(valid.policy()));
			}
			catch (PolicyRejectedException ex) {
				throw new AssertionError("line " + row.getKey() + " should be valid", ex);
			}
		}
		return expected;
	}

	private void assertMatchesEngine(Map<Long, Illustration> expected) {
		Map<String, Map<String, Object>> stored = this.jdbc.queryForList("SELECT * FROM illustration")
			.stream()
			.collect(Collectors.toMap((row) -> row.get("policy_id") + "/" + row.get("policy_year"), (row) -> row));
		for (Illustration illustration : expected.values()) {
			for (IllustrationYear year : illustration.years()) {
				Map<String, Object> row = stored.get(illustration.policyId() + "/" + year.year());
				assertThat(row).as("policy %d year %d", illustration.policyId(), year.year()).isNotNull();
				assertThat(row.get("age")).isEqualTo(year.age());
				assertMoney(row.get("premium"), year.premium());
				assertMoney(row.get("total_premiums_paid"), year.totalPremiumsPaid());
				assertMoney(row.get("guaranteed_death_benefit"), year.guaranteedDeathBenefit());
				assertMoney(row.get("guaranteed_surrender_value"), year.guaranteedSurrenderValue());
				int rate = 4;
				for (ScenarioValues values : year.scenarios()) {
					assertMoney(row.get("death_benefit_" + rate), values.deathBenefit());
					assertMoney(row.get("surrender_value_" + rate), values.surrenderValue());
					assertMoney(row.get("maturity_benefit_" + rate), values.maturityBenefit());
					assertMoney(row.get("accrued_bonus_" + rate), values.accruedBonus());
					assertMoney(row.get("fund_value_" + rate), values.fundValue());
					rate = 8;
				}
			}
		}
	}

	private static void assertMoney(Object stored, BigDecimal expected) {
		if (expected == null) {
			assertThat(stored).isNull();
		}
		else {
			assertThat((BigDecimal) stored).isEqualByComparingTo(expected);
		}
	}

	private List<Map<String, Object>> illustrationRows() {
		return this.jdbc.queryForList("SELECT policy_id, policy_year, product_code, age, premium, total_premiums_paid,"
				+ " guaranteed_death_benefit, guaranteed_surrender_value, death_benefit_4, surrender_value_4,"
				+ " maturity_benefit_4, accrued_bonus_4, fund_value_4, death_benefit_8, surrender_value_8,"
				+ " maturity_benefit_8, accrued_bonus_8, fund_value_8, basis_version FROM illustration"
				+ " ORDER BY policy_id, policy_year");
	}

	private long count(String sql, Object... args) {
		return this.jdbc.queryForObject(sql, Long.class, args);
	}

	// Not methods of the test class: @SpringBatchTest takes any method returning a
	// StepExecution or a JobExecution for the scopes' own.
	private static final class Steps {

		/**
		 * Runs the job while a trigger makes the database refuse to insert, into {@code table}, the
		 * policy at {@code position} (a fraction) of the policies in id order: a real database error
		 * part-way through the run.
		 */
		static JobExecution runRefusing(JdbcTemplate jdbc, JobOperatorTestUtils jobs, String table, double position,
				Path exportDir) throws Exception {
			List<Long> ids = jdbc.queryForList("SELECT policy_id FROM policy ORDER BY policy_id", Long.class);
			long refused = ids.get((int) (ids.size() * position));
			return refusing(jdbc, table, refused, () -> run(jobs, policies.file(), exportDir));
		}

		/** Runs the job on {@code input} while the database refuses policy {@code refused}. */
		static JobExecution runRefusing(JdbcTemplate jdbc, JobOperatorTestUtils jobs, String table, long refused,
				Path input) throws Exception {
			return refusing(jdbc, table, refused, () -> run(jobs, input, null));
		}

		private static JobExecution refusing(JdbcTemplate jdbc, String table, long refused,
				Callable<JobExecution> run) throws Exception {
			jdbc.execute("CREATE TRIGGER refuse_" + table + " BEFORE INSERT ON " + table + " FOR EACH ROW BEGIN"
					+ " IF NEW.policy_id = " + refused + " THEN SIGNAL SQLSTATE '45000'"
					+ " SET MESSAGE_TEXT = 'injected failure'; END IF; END");
			try {
				return run.call();
			}
			finally {
				jdbc.execute("DROP TRIGGER refuse_" + table);
			}
		}

		static JobExecution run(JobOperatorTestUtils jobs, Path input, Path exportDir) throws Exception {
			JobParametersBuilder parameters = new JobParametersBuilder()
				.addString(IllustrationJobParameters.INPUT, input.toString())
				.addString(IllustrationJobParameters.RUN_ID, UUID.randomUUID().toString());
			if (exportDir != null) {
				parameters.addString(IllustrationJobParameters.EXPORT_DIR, exportDir.toString(), false);
			}
			JobParameters jobParameters = parameters.toJobParameters();
			return jobs.startJob(jobParameters);
		}

		static StepExecution named(JobExecution execution, String name) {
			return execution.getStepExecutions()
				.stream()
				.filter((step) -> step.getStepName().equals(name))
				.findFirst()
				.orElseThrow();
		}

	}

	private static List<StepExecution> partitions(JobExecution execution) {
		return execution.getStepExecutions()
			.stream()
			.filter((step) -> step.getStepName().startsWith("calculateIllustrationsWorker:"))
			.toList();
	}

}
