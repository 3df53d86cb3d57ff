package batch.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

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
		long resultRows = 0;
		for (StepExecution step : steps) {
			resultRows += step.getExecutionContext().getLong(IllustrationWriter.ROWS_WRITTEN_KEY, 0L);
		}
		for (StepExecution step : steps) {
			if (step.getStepName().contains(":")) {
				continue; // a partition: counted in its manager step
			}
			out.printf(Locale.ROOT, "  %-24s read %d, written %d, rejected %d", step.getStepName(), step.getReadCount(),
					step.getWriteCount(), step.getSkipCount());
			if (step.getStepName().equals("calculateIllustrations") && resultRows > 0) {
				out.printf(Locale.ROOT, "; %d illustration rows, %.0f rows/s", resultRows,
						resultRows / Math.max(seconds(elapsed(step.getStartTime(), step.getEndTime())), 0.001));
			}
			if (step.getStatus() != BatchStatus.COMPLETED) {
				out.print("; " + step.getStatus());
			}
			out.println();
		}
		if (this.execution.getStatus() == BatchStatus.FAILED || this.execution.getStatus() == BatchStatus.STOPPED) {
			steps.stream()
				.filter((step) -> step.getStatus() == BatchStatus.FAILED)
				.reduce((first, second) -> second)
				.ifPresent((step) -> out.println("  failed in " + step.getStepName() + ": " + firstLine(step)));
			out.println("restart it with: ./batch restart " + this.execution.getId());
		}
		out.flush();
	}

	private static String firstLine(StepExecution step) {
		List<Throwable> failures = step.getFailureExceptions();
		if (!failures.isEmpty()) {
			return SpringContext.rootMessage(failures.get(failures.size() - 1));
		}
		String description = step.getExitStatus().getExitDescription();
		return description.lines().findFirst().orElse(step.getExitStatus().getExitCode());
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
