package batch.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import batch.job.JobPreflight;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.configuration.JobRegistry;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.launch.JobRestartException;
import org.springframework.batch.core.launch.support.JobOperatorFactoryBean;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.core.task.TaskExecutor;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Starts and restarts jobs for the command line: it prints {@code execution <id>} as soon as the
 * run exists, waits for the run's thread to end, prints a summary, and answers with the exit code
 * of DESIGN.md.
 */
@Component
public class JobRunner {

	private static final Duration POLL_INTERVAL = Duration.ofMillis(200);

	private final JobRepository jobRepository;

	private final JobRegistry jobRegistry;

	private final List<JobPreflight> preflights;

	private final JobOperator operator;

	// The end of the job thread last launched: the run's outcome is known from it even if the
	// job repository could not record it.
	private final AtomicReference<CompletableFuture<Void>> lastLaunch = new AtomicReference<>();

	JobRunner(JobRepository jobRepository, JobRegistry jobRegistry, List<JobPreflight> preflights,
			PlatformTransactionManager transactionManager) throws Exception {
		this.jobRepository = jobRepository;
		this.jobRegistry = jobRegistry;
		this.preflights = preflights;
		SimpleAsyncTaskExecutor threads = new SimpleAsyncTaskExecutor("job-");
		TaskExecutor tracked = (task) -> {
			CompletableFuture<Void> end = new CompletableFuture<>();
			this.lastLaunch.set(end);
			threads.execute(() -> {
				try {
					task.run();
				}
				finally {
					end.complete(null);
				}
			});
		};
		JobOperatorFactoryBean factory = new JobOperatorFactoryBean();
		factory.setJobRepository(jobRepository);
		factory.setJobRegistry(jobRegistry);
		factory.setTransactionManager(transactionManager);
		factory.setTaskExecutor(tracked);
		factory.afterPropertiesSet();
		this.operator = factory.getObject();
	}

	/** Starts a new run of a job with exactly these parameters and waits for its end. */
	public int start(String jobName, JobParameters parameters, PrintWriter out) {
		Job job = job(jobName);
		preflight(jobName, parameters);
		JobExecution execution;
		try {
			execution = this.operator.start(job, parameters);
		}
		catch (JobExecutionAlreadyRunningException ex) {
			throw new CliException(ExitCodes.ALREADY_RUNNING,
					jobName + " is already running with these parameters: wait for it, or stop it");
		}
		catch (JobInstanceAlreadyCompleteException ex) {
			throw new CliException(ExitCodes.NOT_RESTARTABLE, jobName + " has already completed with these parameters"
					+ " (" + describe(parameters) + "): change a parameter to run it again");
		}
		catch (JobRestartException ex) {
			throw new CliException(ExitCodes.NOT_RESTARTABLE, SpringContext.rootMessage(ex));
		}
		catch (InvalidJobParametersException ex) {
			throw new CliException(ExitCodes.USAGE, ex.getMessage());
		}
		return follow(execution, out);
	}

	/** Restarts a failed or stopped run by its execution id and waits for its end. */
	public int restart(long executionId, PrintWriter out) {
		JobExecution previous = findExecution(executionId);
		if (previous == null) {
			throw new CliException(ExitCodes.NOT_RESTARTABLE, "there is no execution " + executionId);
		}
		if (previous.isRunning()) {
			throw new CliException(ExitCodes.ALREADY_RUNNING, "execution " + executionId + " is still "
					+ previous.getStatus() + ": stop it first, or recover it if its process died");
		}
		if (previous.getStatus() != BatchStatus.FAILED && previous.getStatus() != BatchStatus.STOPPED) {
			throw new CliException(ExitCodes.NOT_RESTARTABLE,
					"execution " + executionId + " is " + previous.getStatus() + ": only FAILED or STOPPED runs restart");
		}
		JobExecution last = this.jobRepository.getLastJobExecution(previous.getJobInstance());
		if (last != null && last.getId() != executionId) {
			throw new CliException(ExitCodes.NOT_RESTARTABLE, "execution " + executionId
					+ " was already restarted as execution " + last.getId() + ": restart that one if it failed");
		}
		job(previous.getJobInstance().getJobName());
		JobExecution execution;
		try {
			execution = this.operator.restart(previous);
		}
		catch (JobRestartException ex) {
			throw new CliException(ExitCodes.NOT_RESTARTABLE,
					"execution " + executionId + " cannot be restarted: " + SpringContext.rootMessage(ex));
		}
		return follow(execution, out);
	}

	private int follow(JobExecution started, PrintWriter out) {
		out.println("execution " + started.getId());
		out.flush();
		CompletableFuture<Void> end = this.lastLaunch.get();
		while (true) {
			try {
				end.get(POLL_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
				break;
			}
			catch (TimeoutException ex) {
				// still running
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new CliException(ExitCodes.FAILED, "interrupted while waiting for execution " + started.getId());
			}
			catch (ExecutionException ex) {
				break;
			}
		}
		// The job thread has ended: the in-memory execution is final and carries the failures.
		new RunSummary(started).print(out);
		JobExecution recorded = findExecution(started.getId());
		if (recorded != null && recorded.getStatus() != started.getStatus()) {
			out.println("warning: the job repository records execution " + started.getId() + " as "
					+ recorded.getStatus() + ", not " + started.getStatus() + ": it could not be updated");
			return ExitCodes.FAILED;
		}
		return exitCode(started.getStatus());
	}

	// Spring Batch 6.0's JDBC repository throws, rather than answering null, for an unknown id.
	private JobExecution findExecution(long executionId) {
		try {
			return this.jobRepository.getJobExecution(executionId);
		}
		catch (EmptyResultDataAccessException ex) {
			return null;
		}
	}

	static int exitCode(BatchStatus status) {
		return switch (status) {
			case COMPLETED -> ExitCodes.COMPLETED;
			case STOPPED -> ExitCodes.STOPPED;
			default -> ExitCodes.FAILED;
		};
	}

	private Job job(String jobName) {
		Job job = this.jobRegistry.getJob(jobName);
		if (job == null) {
			throw new CliException(ExitCodes.USAGE, "there is no job '" + jobName + "': the jobs are "
					+ String.join(", ", new TreeSet<>(this.jobRegistry.getJobNames())));
		}
		return job;
	}

	// Checked here, before the job repository records anything: a bad file or parameter leaves
	// no trace of a run.
	private void preflight(String jobName, JobParameters parameters) {
		try {
			for (JobPreflight preflight : this.preflights) {
				if (preflight.jobName().equals(jobName)) {
					preflight.check(parameters);
				}
			}
			job(jobName).getJobParametersValidator().validate(parameters);
		}
		catch (InvalidJobParametersException ex) {
			throw new CliException(ExitCodes.USAGE, ex.getMessage());
		}
	}

	private static String describe(JobParameters parameters) {
		StringBuilder text = new StringBuilder();
		for (var parameter : parameters) {
			if (parameter.identifying()) {
				text.append(text.isEmpty() ? "" : ", ").append(parameter.name()).append('=').append(parameter.value());
			}
		}
		return text.toString();
	}

}
