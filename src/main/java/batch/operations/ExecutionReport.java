package batch.operations;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import batch.shared.ProcessIdentity;
import batch.shared.StepKeys;
import batch.writer.CashFlowWriter;
import batch.writer.IllustrationWriter;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * What a run did and how far it is: its steps, each partitioned step with its partitions, their
 * counts and rates. The command line prints it and the API returns it as JSON, under the names of
 * its components (and a step's {@code fractionDone} and {@code remainingSeconds}): they are an
 * interface, listed in the README. Times are the system zone's, with their offset and whole
 * seconds ({@value #TIME_PATTERN}), so that a reader elsewhere reads them right.
 *
 * @param parameters the run's parameters; the non-identifying ones are also in
 * {@code nonIdentifying}
 * @param exitMessage the first line of the run's exit description: the root cause of a failure
 * @param active whether the run or any of its steps still runs (a stopped run is STOPPING while
 * its partitions finish their chunks in flight, or the thread that runs it here has not ended)
 * @param current the step running now, or null
 * @param warning what a running step says is wrong, though the run goes on (a remote manager
 * whose partitions no worker takes); null if nothing is
 */
public record ExecutionReport(long executionId, long instanceId, String jobName, String status, boolean active,
		String exitCode,
		String exitMessage, @JsonFormat(pattern = TIME_PATTERN) OffsetDateTime startTime,
		@JsonFormat(pattern = TIME_PATTERN) OffsetDateTime endTime, double seconds, Map<String, String> parameters,
		List<String> nonIdentifying, List<StepReport> steps, StepReport current, String warning) {

	/** How times are written: ISO 8601 with the offset, to the second. */
	public static final String TIME_PATTERN = "yyyy-MM-dd'T'HH:mm:ssXXX";

	/** The formatter of {@link #TIME_PATTERN}. */
	public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern(TIME_PATTERN);

	/**
	 * One step or partition.
	 *
	 * @param skipped items rejected (read, process and write skips)
	 * @param done items of the expected that are read (or, for a step that does not read, such as
	 * an export, the rows written), counting those read before a restart; never more than expected
	 * @param expected items it will read, where known in advance or estimated; null otherwise. An
	 * estimate that the step outgrows rises to what is done, and a completed step expected what it
	 * did
	 * @param resultRows the result rows its writers upserted (illustration years, cash-flow events)
	 * @param partitions its partitions, in name order; a partition taken over from a worker that
	 * died appears twice, the failed execution before its successor: the counts of both add up, and
	 * the successor alone says how far the partition is
	 * @param process the process that ran it ("process 42 on worker-7"); null if not known
	 */
	public record StepReport(String name, String status, long read, long written, long skipped, long filtered,
			long commits, long rollbacks, long done, Long expected, long resultRows,
			@JsonFormat(pattern = TIME_PATTERN) OffsetDateTime startTime,
			@JsonFormat(pattern = TIME_PATTERN) OffsetDateTime endTime, double seconds, double itemsPerSecond,
			double rowsPerSecond, List<StepReport> partitions, String process) {

		/** The share of the expected items read, 0 to 1; null when not known. */
		@JsonProperty("fractionDone")
		public Double fractionDone() {
			if (this.expected == null) {
				return null;
			}
			return (this.expected == 0) ? 1.0 : Math.min(1.0, (double) this.done / this.expected);
		}

		/** The time left at the current rate; null when not known. */
		public Duration remaining() {
			if (this.expected == null || this.itemsPerSecond <= 0 || this.endTime != null) {
				return null;
			}
			return Duration.ofSeconds((long) Math.ceil(Math.max(0, this.expected - this.done) / this.itemsPerSecond));
		}

		/** The seconds left at the current rate (the ETA); null when not known or ended. */
		@JsonProperty("remainingSeconds")
		public Long remainingSeconds() {
			Duration remaining = remaining();
			return (remaining != null) ? remaining.toSeconds() : null;
		}

	}

	/**
	 * The report of an execution as the job repository has it, with {@code now} as the end of
	 * what is still running, its times in the system zone.
	 */
	public static ExecutionReport of(JobExecution execution, LocalDateTime now) {
		return of(execution, now, ZoneId.systemDefault(), false);
	}

	/**
	 * The same, its times in the given zone: the job repository keeps local times, of the zone
	 * of the processes that write it.
	 */
	public static ExecutionReport of(JobExecution execution, LocalDateTime now, ZoneId zone) {
		return of(execution, now, zone, false);
	}

	/**
	 * The report of an execution, active also while {@code threadRunning}: a stopped run is
	 * recorded STOPPED, with its steps, before its thread has finished the chunks in flight.
	 */
	static ExecutionReport of(JobExecution execution, LocalDateTime now, ZoneId zone, boolean threadRunning) {
		List<StepExecution> all = execution.getStepExecutions()
			.stream()
			.sorted(Comparator.comparingLong(StepExecution::getId))
			.toList();
		List<StepReport> steps = new ArrayList<>();
		StepReport current = null;
		String warning = null;
		for (StepExecution step : all) {
			if (step.getStepName().contains(":")) {
				continue;
			}
			if (step.getStatus().isRunning() && step.getExecutionContext().containsKey(StepKeys.REMOTE_WARNING)) {
				warning = step.getExecutionContext().getString(StepKeys.REMOTE_WARNING);
			}
			String workerPrefix = step.getStepName() + "Worker:";
			List<StepExecution> partitionExecutions = all.stream()
				.filter((partition) -> partition.getStepName().startsWith(workerPrefix))
				.sorted(Comparator.comparing(StepExecution::getStepName, ExecutionReport::naturalOrder)
					.thenComparing(StepExecution::getId))
				.toList();
			List<StepReport> partitions = new ArrayList<>();
			List<StepReport> counted = new ArrayList<>();
			for (int i = 0; i < partitionExecutions.size(); i++) {
				StepReport partition = step(partitionExecutions.get(i), List.of(), List.of(), now, zone);
				partitions.add(partition);
				boolean superseded = i + 1 < partitionExecutions.size()
						&& partitionExecutions.get(i + 1).getStepName().equals(partition.name());
				if (!superseded) {
					counted.add(partition);
				}
			}
			StepReport report = step(step, partitions, counted, now, zone);
			steps.add(report);
			if (step.getEndTime() == null && step.getStatus().isRunning()) {
				current = report;
			}
		}
		Map<String, String> parameters = new LinkedHashMap<>();
		List<String> nonIdentifying = new ArrayList<>();
		for (var parameter : execution.getJobParameters()) {
			parameters.put(parameter.name(), String.valueOf(parameter.value()));
			if (!parameter.identifying()) {
				nonIdentifying.add(parameter.name());
			}
		}
		String description = execution.getExitStatus().getExitDescription();
		String exitMessage = (description == null || description.isBlank()) ? null
				: description.lines().findFirst().orElse(null);
		return new ExecutionReport(execution.getId(), execution.getJobInstance().getInstanceId(),
				execution.getJobInstance().getJobName(), execution.getStatus().name(),
				threadRunning || RunQueries.isActive(execution),
				execution.getExitStatus().getExitCode(), exitMessage, offset(execution.getStartTime(), zone),
				offset(execution.getEndTime(), zone),
				seconds(execution.getStartTime(), execution.getEndTime(), now), parameters, nonIdentifying, steps,
				current, warning);
	}

	// A partitioned step counts what its partitions did: the manager itself reads nothing.
	private static StepReport step(StepExecution step, List<StepReport> partitions, List<StepReport> counted,
			LocalDateTime now, ZoneId zone) {
		long read = step.getReadCount();
		long written = step.getWriteCount();
		long skipped = step.getSkipCount();
		long filtered = step.getFilterCount();
		long commits = step.getCommitCount();
		long rollbacks = step.getRollbackCount();
		long rows = resultRows(step.getExecutionContext());
		// a step that reads nothing (an export) says what it has done itself
		long doneHere = step.getExecutionContext().getLong(StepKeys.DONE_ITEMS, read);
		long readCount = readBeforeAndNow(step.getExecutionContext());
		if (step.getStatus() == BatchStatus.COMPLETED && readCount > doneHere) {
			// a counting reader counts its read past the last item too: once the step has read to
			// the end, its count is one more than it read (a partition of 11 rows says 12, and a
			// partition resumed after 100 rows that read 1368 more says 1469)
			readCount--;
		}
		long done = Math.max(doneHere, readCount);
		Long expected = step.getExecutionContext().containsKey(StepKeys.EXPECTED_ITEMS)
				? step.getExecutionContext().getLong(StepKeys.EXPECTED_ITEMS) : null;
		if (!partitions.isEmpty()) {
			read = 0;
			written = 0;
			skipped = 0;
			filtered = 0;
			commits = 0;
			rollbacks = 0;
			rows = 0;
			done = 0;
			long sum = 0;
			// every execution of a partition read and wrote its own items (a successor resumes where
			// the execution it replaces committed last), but only the latest says how far it is
			for (StepReport partition : partitions) {
				read += partition.read();
				written += partition.written();
				skipped += partition.skipped();
				filtered += partition.filtered();
				commits += partition.commits();
				rollbacks += partition.rollbacks();
			}
			for (StepReport partition : counted) {
				rows += partition.resultRows();
				done += partition.done();
				sum += (partition.expected() != null) ? partition.expected() : 0;
			}
			expected = counted.stream().allMatch((partition) -> partition.expected() != null) ? sum : null;
			doneHere = read;
		}
		if (step.getStatus() == BatchStatus.COMPLETED) {
			expected = done;
		}
		else if (expected != null) {
			// an estimate (an input's rows from its bytes) that the step has outgrown
			expected = Math.max(expected, done);
		}
		double seconds = seconds(step.getStartTime(), step.getEndTime(), now);
		double per = Math.max(seconds, 0.001);
		return new StepReport(step.getStepName(), step.getStatus().name(), read, written, skipped, filtered, commits,
				rollbacks, done, expected, rows, offset(step.getStartTime(), zone), offset(step.getEndTime(), zone),
				seconds, (seconds > 0) ? doneHere / per : 0, (seconds > 0) ? rows / per : 0, partitions,
				process(step.getExecutionContext()));
	}

	private static OffsetDateTime offset(LocalDateTime time, ZoneId zone) {
		return (time != null) ? time.atZone(zone).toOffsetDateTime() : null;
	}

	private static String process(ExecutionContext context) {
		if (!context.containsKey(StepKeys.HOST) || !context.containsKey(StepKeys.PID)) {
			return null;
		}
		return new ProcessIdentity(context.getString(StepKeys.HOST), context.getLong(StepKeys.PID))
			.toString();
	}

	// partition2 before partition10
	private static int naturalOrder(String a, String b) {
		return (a.length() != b.length()) ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
	}

	// A restartable reader keeps the items it has read, across restarts, as "<name>.read.count".
	private static long readBeforeAndNow(ExecutionContext context) {
		long count = 0;
		for (Map.Entry<String, Object> entry : context.entrySet()) {
			if (entry.getKey().endsWith(".read.count") && entry.getValue() instanceof Number number) {
				count = Math.max(count, number.longValue());
			}
		}
		return count;
	}

	private static long resultRows(ExecutionContext context) {
		return context.getLong(IllustrationWriter.ROWS_WRITTEN_KEY, 0L)
				+ context.getLong(CashFlowWriter.ROWS_WRITTEN_KEY, 0L);
	}

	private static double seconds(LocalDateTime start, LocalDateTime end, LocalDateTime now) {
		if (start == null) {
			return 0;
		}
		return Math.max(0, Duration.between(start, (end != null) ? end : now).toNanos() / 1e9);
	}

}
