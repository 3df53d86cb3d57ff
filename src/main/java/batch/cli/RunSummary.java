package batch.cli;

import java.io.PrintWriter;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import batch.operations.ExecutionReport;
import batch.operations.ExecutionReport.StepReport;
import batch.operations.JobControl;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

/**
 * The few lines printed when a run ends: its status and time, and per step what was read,
 * written and rejected, with the rate of result rows; for a run that did not complete, why, and
 * how to restart it.
 */
final class RunSummary {

	private final JobExecution execution;

	RunSummary(JobExecution execution) {
		this.execution = execution;
	}

	void print(PrintWriter out) {
		ExecutionReport report = ExecutionReport.of(this.execution, LocalDateTime.now());
		out.printf(Locale.ROOT, "%s %s in %.1f s%n", report.jobName(), report.status(), report.seconds());
		for (StepReport step : report.steps()) {
			out.printf(Locale.ROOT, "  %-24s read %d, written %d, rejected %d", step.name(), step.read(),
					step.written(), step.skipped());
			if (step.resultRows() > 0) {
				out.printf(Locale.ROOT, "; %d result rows, %.0f rows/s", step.resultRows(), step.rowsPerSecond());
			}
			if (!step.status().equals(BatchStatus.COMPLETED.name())) {
				out.print("; " + step.status());
			}
			out.println();
		}
		if (this.execution.getStatus() == BatchStatus.STOPPED) {
			out.println("  stopped on request, after the chunks in flight committed");
			out.println("restart it with: ./batch restart " + this.execution.getId());
		}
		else if (this.execution.getStatus() == BatchStatus.FAILED) {
			String cause = cause();
			if (cause != null) {
				out.println("  " + cause);
			}
			out.println("restart it with: ./batch restart " + this.execution.getId());
		}
		out.flush();
	}

	// The step that failed first, a partition rather than its manager, with the root cause of its
	// failure: the database error, not the framework's wrapper around it.
	private String cause() {
		StepExecution failed = this.execution.getStepExecutions()
			.stream()
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
		return JobControl.rootMessage(failures.get(failures.size() - 1));
	}

}
