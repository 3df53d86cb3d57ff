package batch.cli;

import java.io.PrintWriter;
import java.time.Duration;

import batch.cli.output.ProgressReporter;
import batch.cli.output.RunSummary;
import batch.operations.LocalRuns;
import batch.operations.OperationsProperties;
import batch.operations.RunLauncher;
import batch.operations.RunQueries;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Starts and restarts jobs for the command line: it prints {@code execution <id>} as soon as the
 * run exists, shows progress while it runs, prints a summary when its thread ends, and answers
 * with the exit code of DESIGN.md.
 */
@Component
class JobRunner {

	private static final Duration POLL_INTERVAL = Duration.ofMillis(200);

	private final RunLauncher launcher;

	private final LocalRuns localRuns;

	private final RunQueries queries;

	private final OperationsProperties properties;

	private final TaskScheduler scheduler;

	JobRunner(RunLauncher launcher, LocalRuns localRuns, RunQueries queries, OperationsProperties properties,
			TaskScheduler operationsScheduler) {
		this.scheduler = operationsScheduler;
		this.launcher = launcher;
		this.localRuns = localRuns;
		this.queries = queries;
		this.properties = properties;
	}

	/** Starts a new run of a job with exactly these parameters and waits for its end. */
	int start(String jobName, JobParameters parameters, PrintWriter out, PrintWriter err) {
		return follow(this.launcher.start(jobName, parameters), out, err);
	}

	/** Restarts a failed or stopped run by its execution id and waits for its end. */
	int restart(long executionId, PrintWriter out, PrintWriter err) {
		return follow(this.launcher.restart(executionId), out, err);
	}

	private int follow(JobExecution started, PrintWriter out, PrintWriter err) {
		long id = started.getId();
		out.println("execution " + id);
		out.flush();
		ProgressReporter progress = ProgressReporter.start(this.queries, this.scheduler, id, err, this.properties.progressInterval());
		try {
			while (!this.localRuns.awaitEnd(id, POLL_INTERVAL)) {
				// still running
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new CliException(ExitCodes.FAILED, "interrupted while waiting for execution " + id);
		}
		finally {
			progress.close();
		}
		// The job thread has ended: the in-memory execution is final and carries the failures; the
		// recorded one also has the partitions that remote workers ran.
		JobExecution recorded = this.queries.execution(id);
		new RunSummary(started, recorded).print(out);
		if (recorded.getStatus() != started.getStatus()) {
			out.println("warning: the job repository records execution " + id + " as " + recorded.getStatus()
					+ ", not " + started.getStatus() + ": it could not be updated");
			return ExitCodes.FAILED;
		}
		return exitCode(started.getStatus());
	}

	static int exitCode(BatchStatus status) {
		return switch (status) {
			case COMPLETED -> ExitCodes.COMPLETED;
			case STOPPED -> ExitCodes.STOPPED;
			default -> ExitCodes.FAILED;
		};
	}

}
