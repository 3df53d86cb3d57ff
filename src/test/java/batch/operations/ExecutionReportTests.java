package batch.operations;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Iterator;
import java.util.List;

import batch.operations.ExecutionReport.StepReport;
import batch.shared.StepKeys;
import batch.writer.IllustrationWriter;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.step.StepExecution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

/**
 * A run's report: a partitioned step counts what its partitions did, a restarted partition
 * counts what it read before the restart, and the step running now is the current one; what is
 * done never exceeds what is expected; times carry their offset; the JSON names are pinned.
 */
class ExecutionReportTests {

	private static final LocalDateTime START = LocalDateTime.of(2026, 11, 23, 1, 0);

	@Test
	void aPartitionedStepAddsUpItsPartitionsAcrossARestart() {
		JobExecution execution = new JobExecution(12, new JobInstance(7, "illustrationJob"),
				new JobParametersBuilder().addString("input", "/in/p.csv").addString("exportDir", "/out", false)
					.toJobParameters());
		execution.setStatus(BatchStatus.STARTED);
		StepExecution manager = step(execution, 1, "calculateIllustrations", BatchStatus.STARTED);
		// a partition restarted after 600 of its 1000 policies: 200 read since
		StepExecution restarted = step(execution, 2, "calculateIllustrationsWorker:partition1", BatchStatus.STARTED);
		restarted.setReadCount(200);
		restarted.getExecutionContext().putLong(StepKeys.EXPECTED_ITEMS, 1000);
		restarted.getExecutionContext().putLong("policyTableReader.read.count", 800);
		restarted.getExecutionContext().putLong(IllustrationWriter.ROWS_WRITTEN_KEY, 16000);
		StepExecution finished = step(execution, 3, "calculateIllustrationsWorker:partition0", BatchStatus.COMPLETED);
		finished.setReadCount(1000);
		finished.setEndTime(START.plusSeconds(10));
		finished.getExecutionContext().putLong(StepKeys.EXPECTED_ITEMS, 1000);
		finished.getExecutionContext().putLong("policyTableReader.read.count", 1000);

		ExecutionReport report = ExecutionReport.of(execution, START.plusSeconds(20));

		StepReport step = report.steps().get(0);
		assertThat(report.steps()).hasSize(1);
		assertThat(step.partitions()).extracting(StepReport::name)
			.containsExactly("calculateIllustrationsWorker:partition0", "calculateIllustrationsWorker:partition1");
		assertThat(step.read()).isEqualTo(1200);
		assertThat(step.done()).isEqualTo(1800);
		assertThat(step.expected()).isEqualTo(2000);
		assertThat(step.fractionDone()).isCloseTo(0.9, within(1e-12));
		assertThat(step.resultRows()).isEqualTo(16000);
		assertThat(step.itemsPerSecond()).isCloseTo(60, within(1e-9));
		// 200 left at 60 a second
		assertThat(step.remaining()).hasSeconds(4);
		assertThat(report.current()).isEqualTo(step);
		assertThat(report.active()).isTrue();
		assertThat(report.nonIdentifying()).containsExactly("exportDir");
		assertThat(manager.getStepName()).isEqualTo(report.current().name());
	}

	@Test
	void aPartitionTakenOverFromADeadWorkerCountsWhatEachReadAndShowsBothWorkers() {
		JobExecution execution = new JobExecution(14, new JobInstance(9, "illustrationJob"),
				new JobParametersBuilder().toJobParameters());
		execution.setStatus(BatchStatus.STARTED);
		step(execution, 6, "calculateIllustrations", BatchStatus.STARTED);
		// the first worker read 300 and died; its successor resumed at 300 and has read 500 more
		StepExecution abandoned = step(execution, 7, "calculateIllustrationsWorker:partition0", BatchStatus.FAILED);
		abandoned.setReadCount(300);
		abandoned.setEndTime(START.plusSeconds(40));
		abandoned.getExecutionContext().putLong(StepKeys.EXPECTED_ITEMS, 1000);
		abandoned.getExecutionContext().putLong("policyTableReader.read.count", 300);
		abandoned.getExecutionContext().putString(StepKeys.HOST, "worker-a");
		abandoned.getExecutionContext().putLong(StepKeys.PID, 41);
		StepExecution successor = step(execution, 8, "calculateIllustrationsWorker:partition0", BatchStatus.STARTED);
		successor.setReadCount(500);
		successor.getExecutionContext().putLong(StepKeys.EXPECTED_ITEMS, 1000);
		successor.getExecutionContext().putLong("policyTableReader.read.count", 800);
		successor.getExecutionContext().putString(StepKeys.HOST, "worker-b");
		successor.getExecutionContext().putLong(StepKeys.PID, 42);

		StepReport step = ExecutionReport.of(execution, START.plusSeconds(60)).steps().get(0);

		assertThat(step.partitions()).extracting(StepReport::status, StepReport::process)
			.containsExactly(tuple("FAILED", "process 41 on worker-a"),
					tuple("STARTED", "process 42 on worker-b"));
		assertThat(step.read()).isEqualTo(800);
		assertThat(step.done()).isEqualTo(800);
		assertThat(step.expected()).isEqualTo(1000);
	}

	@Test
	void aStoppedRunIsActiveUntilItsPartitionsEnd() {
		JobExecution execution = new JobExecution(13, new JobInstance(8, "illustrationJob"),
				new JobParametersBuilder().toJobParameters());
		execution.setStatus(BatchStatus.STOPPED);
		execution.setEndTime(START.plusSeconds(5));
		step(execution, 4, "calculateIllustrations", BatchStatus.STOPPED).setEndTime(START.plusSeconds(5));
		StepExecution partition = step(execution, 5, "calculateIllustrationsWorker:partition0", BatchStatus.STARTED);

		assertThat(ExecutionReport.of(execution, START.plusSeconds(6)).active()).isTrue();
		partition.setStatus(BatchStatus.STOPPED);
		assertThat(ExecutionReport.of(execution, START.plusSeconds(7)).active()).isFalse();
		assertThat(ExecutionReport.of(execution, START.plusSeconds(7)).current()).isNull();
	}

	@Test
	void aCompletedStepsReadPastTheEndIsNotDoneAndAResumedStepCountsWhatItReadBefore() {
		JobExecution execution = new JobExecution(15, new JobInstance(10, "illustrationJob"),
				new JobParametersBuilder().toJobParameters());
		StepExecution whole = step(execution, 7, "importPolicies", BatchStatus.COMPLETED);
		whole.setReadCount(11);
		whole.getExecutionContext().putLong("policies.read.count", 12);
		// resumed: 10 read before, 5 now, and the read past the end
		StepExecution resumed = step(execution, 8, "exportIllustrations", BatchStatus.COMPLETED);
		resumed.setReadCount(5);
		resumed.getExecutionContext().putLong("rows.read.count", 16);
		StepExecution running = step(execution, 9, "projectCashFlows", BatchStatus.STARTED);
		running.setReadCount(5);
		running.getExecutionContext().putLong("contracts.read.count", 15);

		List<ExecutionReport.StepReport> steps = ExecutionReport.of(execution, START.plusSeconds(9)).steps();

		assertThat(steps).extracting(ExecutionReport.StepReport::done).containsExactly(11L, 15L, 15L);
	}

	@Test
	void aRunningStepsWarningIsTheRunsUntilTheStepEnds() {
		JobExecution execution = new JobExecution(14, new JobInstance(9, "illustrationJob"),
				new JobParametersBuilder().toJobParameters());
		execution.setStatus(BatchStatus.STARTED);
		StepExecution manager = step(execution, 6, "calculateIllustrations", BatchStatus.STARTED);
		manager.getExecutionContext()
			.putString(StepKeys.REMOTE_WARNING, "no worker has taken a partition for 2 minutes (0 listening)");

		assertThat(ExecutionReport.of(execution, START.plusSeconds(130)).warning())
			.isEqualTo("no worker has taken a partition for 2 minutes (0 listening)");
		manager.setStatus(BatchStatus.FAILED);
		assertThat(ExecutionReport.of(execution, START.plusSeconds(131)).warning()).isNull();
	}

	@Test
	void anEstimateTheStepOutgrowsRisesToWhatIsDoneAndACompletedStepExpectedWhatItDid() {
		JobExecution execution = new JobExecution(15, new JobInstance(10, "illustrationJob"),
				new JobParametersBuilder().toJobParameters());
		execution.setStatus(BatchStatus.STARTED);
		// the input's rows estimated from its bytes: 19,808; 19,810 read so far
		StepExecution running = step(execution, 9, "importPolicies", BatchStatus.STARTED);
		running.setReadCount(19810);
		running.getExecutionContext().putLong(StepKeys.EXPECTED_ITEMS, 19808);

		StepReport outgrown = ExecutionReport.of(execution, START.plusSeconds(10)).steps().get(0);
		running.setStatus(BatchStatus.COMPLETED);
		running.setEndTime(START.plusSeconds(11));
		running.setReadCount(20000);
		running.getExecutionContext().putLong(StepKeys.EXPECTED_ITEMS, 20100);
		StepReport completed = ExecutionReport.of(execution, START.plusSeconds(12)).steps().get(0);

		assertThat(outgrown.expected()).isEqualTo(19810);
		assertThat(outgrown.done()).isEqualTo(19810);
		assertThat(outgrown.fractionDone()).isEqualTo(1.0);
		assertThat(completed.expected()).isEqualTo(20000);
		assertThat(completed.done()).isEqualTo(20000);
	}

	@Test
	void anExportReportsTheRowsItHasWrittenAndItsRateAndTimeLeft() {
		JobExecution execution = new JobExecution(16, new JobInstance(11, "illustrationJob"),
				new JobParametersBuilder().toJobParameters());
		execution.setStatus(BatchStatus.STARTED);
		// a tasklet: it reads nothing, and records the rows it has written as it goes
		StepExecution export = step(execution, 10, "exportIllustrations", BatchStatus.STARTED);
		export.getExecutionContext().putLong(StepKeys.EXPECTED_ITEMS, 431123);
		export.getExecutionContext().putLong(StepKeys.DONE_ITEMS, 100000);

		StepReport step = ExecutionReport.of(execution, START.plusSeconds(10)).current();

		assertThat(step.read()).isZero();
		assertThat(step.done()).isEqualTo(100000);
		assertThat(step.expected()).isEqualTo(431123);
		assertThat(step.itemsPerSecond()).isCloseTo(10000, within(1e-9));
		// 331,123 left at 10,000 a second
		assertThat(step.remainingSeconds()).isEqualTo(34);
	}

	@Test
	void timesCarryTheZonesOffsetAndWholeSeconds() {
		JobExecution execution = new JobExecution(17, new JobInstance(12, "illustrationJob"),
				new JobParametersBuilder().toJobParameters());
		execution.setStartTime(LocalDateTime.of(2026, 12, 1, 20, 10, 0, 250_000_000));
		execution.setEndTime(LocalDateTime.of(2026, 12, 1, 20, 12, 5));
		execution.setStatus(BatchStatus.COMPLETED);

		ExecutionReport report = ExecutionReport.of(execution, START, ZoneId.of("Europe/Zurich"));

		assertThat(ExecutionReport.TIME.format(report.startTime())).isEqualTo("2026-12-01T20:10:00+01:00");
		assertThat(report.seconds()).isCloseTo(124.75, within(1e-9));
	}

	@Test
	void theJsonNamesAreTheDocumentedOnes() {
		JobExecution execution = new JobExecution(18, new JobInstance(13, "illustrationJob"),
				new JobParametersBuilder().addString("input", "/in/p.csv").toJobParameters());
		execution.setStatus(BatchStatus.STARTED);
		execution.setStartTime(LocalDateTime.of(2026, 12, 1, 20, 10));
		StepExecution running = step(execution, 11, "importPolicies", BatchStatus.STARTED);
		running.setStartTime(LocalDateTime.of(2026, 12, 1, 20, 10));
		running.setReadCount(500);
		running.getExecutionContext().putLong(StepKeys.EXPECTED_ITEMS, 1000);

		JsonNode json = JsonMapper.builder()
			.build()
			.valueToTree(ExecutionReport.of(execution, LocalDateTime.of(2026, 12, 1, 20, 10, 10),
					ZoneId.of("Asia/Kolkata")));

		assertThat(names(json)).containsExactly("executionId", "instanceId", "jobName", "status", "active", "exitCode",
				"exitMessage", "startTime", "endTime", "seconds", "parameters", "nonIdentifying", "steps", "current",
				"warning");
		assertThat(names(json.get("steps").get(0))).containsExactlyInAnyOrder("name", "status", "read", "written",
				"skipped", "filtered", "commits", "rollbacks", "done", "expected", "resultRows", "startTime", "endTime",
				"seconds", "itemsPerSecond", "rowsPerSecond", "partitions", "process", "fractionDone",
				"remainingSeconds");
		assertThat(json.get("startTime").asString()).isEqualTo("2026-12-01T20:10:00+05:30");
		assertThat(json.get("current").get("remainingSeconds").asLong()).isEqualTo(10);
		assertThat(json.get("current").get("fractionDone").asDouble()).isEqualTo(0.5);
		assertThat(json.get("parameters").get("input").asString()).isEqualTo("/in/p.csv");
	}

	private static List<String> names(JsonNode node) {
		List<String> names = new java.util.ArrayList<>();
		for (Iterator<String> i = node.propertyNames().iterator(); i.hasNext();) {
			names.add(i.next());
		}
		return names;
	}

	private static StepExecution step(JobExecution execution, long id, String name, BatchStatus status) {
		StepExecution step = new StepExecution(id, name, execution);
		step.setStatus(status);
		step.setStartTime(START);
		execution.addStepExecution(step);
		return step;
	}

}
