package batch.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import batch.writer.CashFlowWriter;
import batch.writer.IllustrationWriter;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

/**
 * The few lines printed when a run ends: its status and time, and per step what was read,
 * written and rejected, with the rate of result rows.
 */
final class RunSummary {

	private final JobExecution execution;

	RunSummary(JobExecution execution) {
		this.execution = execution;
	}

	void print(PrintWriter out) {
		Duration elapsed = elapsed(this.execution.getStartTime(), this.execution.getEndTime());
		out.printf(Locale.ROOT, "%s %s in %.1f s%n", this.execution.getJobInstance().getJobName(),
				this.execution.getStatus(), seconds(elapsed));
		List<StepExecution> steps = this.execution.getStepExecutions()
			.stream()
			.sorted(Comparator.comparingLong(StepExecution::getId))
			.toList();
		for (StepExecution step : steps) {
			if (step.getStepName().contains(":")) {
				continue; // a partition: counted in its manager step
			}
			out.printf(Locale.ROOT, "  %-24s read %d, written %d, rejected %d", step.getStepName(), step.getReadCount(),
					step.getWriteCount(), step.getSkipCount());
			long rows = resultRows(steps, step.getStepName() + "Worker:");
			if (rows > 0) {
				out.printf(Locale.ROOT, "; %d result rows, %.0f rows/s", rows,
						rows / Math.max(seconds(elapsed(step.getStartTime(), step.getEndTime())), 0.001));
			}
			if (step.getStatus() != BatchStatus.COMPLETED) {
				out.print("; " + step.getStatus());
			}
			out.println();
		}
		if (this.execution.getStatus() == BatchStatus.FAILED || this.execution.getStatus() == BatchStatus.STOPPED) {
			String cause = cause(steps);
			if (cause != null) {
				out.println("  " + cause);
			}
			out.println("restart it with: ./batch restart " + this.execution.getId());
		}
		out.flush();
	}

	// The rows the partitions of a step wrote: illustration years or cash-flow events.
	private static long resultRows(List<StepExecution> steps, String partitionPrefix) {
		long rows = 0;
		for (StepExecution step : steps) {
			if (step.getStepName().startsWith(partitionPrefix)) {
				rows += step.getExecutionContext().getLong(IllustrationWriter.ROWS_WRITTEN_KEY, 0L)
						+ step.getExecutionContext().getLong(CashFlowWriter.ROWS_WRITTEN_KEY, 0L);
			}
		}
		return rows;
	}

	// The step that failed first, a partition rather than its manager, with the root cause of its
	// failure: the database error, not the framework's wrapper around it.
	private String cause(List<StepExecution> steps) {
		StepExecution failed = steps.stream()
			.filter((step) -> step.getStatus() == BatchStatus.FAILED && !step.getFailureExceptions().isEmpty())
			.min(Comparator.comparing((StepExecution step) -> !step.getStepName().contains(":"))
				.thenComparingLong(StepExecution::getId))
			.orElse(null);
		if (failed != null) {
			return "failed in " + failed.getStepName() + ": " + rootCause(failed.getFailureExceptions());
		}
		List<Throwable> failures = this.execution.getAllFailureExceptions();
		return failures.isEmpty() ? null : "failed: " + rootCause(failures);
	}

	private static String rootCause(List<Throwable> failures) {
		return SpringContext.rootMessage(failures.get(failures.size() - 1));
	}

	private static Duration elapsed(LocalDateTime start, LocalDateTime end) {
		if (start == null) {
			return Duration.ZERO;
		}
		return Duration.between(start, (end != null) ? end : start);
	}

	private static double seconds(Duration duration) {
		return duration.toNanos() / 1e9;
	}

}
