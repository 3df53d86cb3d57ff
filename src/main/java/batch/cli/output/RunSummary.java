package batch.cli.output;

import java.io.PrintWriter;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import batch.operations.ExecutionReport.StepReport;
import batch.operations.ExecutionReport;
import batch.shared.RootCause;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.transaction.TransactionException;

/**
 * The few lines printed when a run ends: its status and time, and per step what was read,
 * written and rejected, with the rate of result rows; for a run that did not complete, why, and
 * how to restart it.
 */
public final class RunSummary {

	// what a partitioned step fails with when one of its partitions failed
	private static final String PARTITION_FAILED = "Partition handler returned an unsuccessful step";

	private final JobExecution execution;

	private final JobExecution recorded;

	/**
	 * @param execution the execution the job's thread ran, with its failures
	 * @param recorded the same, as the job repository has it, with every partition wherever it ran
	 */
	public RunSummary(JobExecution execution, JobExecution recorded) {
		this.execution = execution;
		this.recorded = recorded;
	}

	public void print(PrintWriter out) {
		ExecutionReport report = ExecutionReport.of(this.recorded, LocalDateTime.now());
		out.printf(Locale.ROOT, "%s %s in %.1f s%n", report.jobName(), this.execution.getStatus(), report.seconds());
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
		else if (this.execution.getStatus() == BatchStatus.FAILED || this.execution.getStatus() == BatchStatus.UNKNOWN) {
			for (String cause : causes()) {
				out.println("  " + cause);
			}
			out.println("restart it with: ./batch restart " + this.execution.getId());
		}
		out.flush();
	}

	// The partition that failed first, with the root cause of its failure (the database error, not
	// the framework's wrapper around it); for a partition a remote worker ran, its exit description
	// is all there is here. Then the manager step's own reason, unless it only says that a
	// partition failed.
	private List<String> causes() {
		List<String> causes = new ArrayList<>();
		StepExecution local = this.execution.getStepExecutions()
			.stream()
			.filter((step) -> failed(step) && !step.getFailureExceptions().isEmpty()
					&& step.getStepName().contains(":"))
			.min(Comparator.comparingLong(StepExecution::getId))
			.orElse(null);
		// the latest execution of each partition: not one a successor replaced
		Map<String, StepExecution> latest = new HashMap<>();
		for (StepExecution step : this.recorded.getStepExecutions()) {
			latest.merge(step.getStepName(), step, (a, b) -> (a.getId() > b.getId()) ? a : b);
		}
		StepExecution remote = latest.values()
			.stream()
			.filter((step) -> failed(step) && step.getStepName().contains(":")
					&& !step.getExitStatus().getExitDescription().isBlank())
			.min(Comparator.comparingLong(StepExecution::getId))
			.orElse(null);
		if (local != null) {
			causes.add("failed in " + local.getStepName() + ": " + reason(local.getFailureExceptions()));
		}
		else if (remote != null) {
			causes.add("failed in " + remote.getStepName() + ": "
					+ remote.getExitStatus().getExitDescription().lines().findFirst().orElse(""));
		}
		this.execution.getStepExecutions()
			.stream()
			.filter((step) -> failed(step) && !step.getFailureExceptions().isEmpty()
					&& !step.getStepName().contains(":"))
			.min(Comparator.comparingLong(StepExecution::getId))
			.map((step) -> reason(step.getFailureExceptions()))
			.filter((reason) -> causes.isEmpty() || !reason.equals(PARTITION_FAILED))
			.ifPresent((reason) -> causes.add("failed: " + reason));
		if (causes.isEmpty() && !this.execution.getAllFailureExceptions().isEmpty()) {
			causes.add("failed: " + reason(this.execution.getAllFailureExceptions()));
		}
		return causes;
	}

	// FAILED, or UNKNOWN when the database was lost under it
	private static boolean failed(StepExecution step) {
		return step.getStatus() == BatchStatus.FAILED || step.getStatus() == BatchStatus.UNKNOWN;
	}

	private static String reason(List<Throwable> failures) {
		return connectionLost(failures) ? "the database connection was lost (" + rootCause(failures) + ")"
				: rootCause(failures);
	}

	// Whether a failure has among its causes a connection exception (SQLSTATE class 08) or a
	// transaction that could not be begun, committed or rolled back: the server went away, or the
	// connection to it was killed, and the pool closed it.
	private static boolean connectionLost(List<Throwable> failures) {
		for (Throwable failure : failures) {
			for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
				if (cause instanceof TransactionException
						|| cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
					return true;
				}
			}
		}
		return false;
	}

	private static String rootCause(List<Throwable> failures) {
		return RootCause.message(failures.get(failures.size() - 1));
	}

}
