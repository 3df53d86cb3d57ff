package batch.cli;

import java.io.PrintWriter;
import java.time.Duration;

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
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Starts and restarts jobs for the command line: it prints {@code execution <id>} as soon as the
 * run exists, waits for the run by watching the job repository, prints a summary, and answers
 * with the exit code of DESIGN.md.
 */
@Component
public class JobRunner {

	private static final Duration POLL_INTERVAL = Duration.ofMillis(200);

	private final JobRepository jobRepository;

	private final JobRegistry jobRegistry;

	private final JobOperator operator;

	JobRunner(JobRepository jobRepository, JobRegistry jobRegistry, PlatformTransactionManager transactionManager)
			throws Exception {
		this.jobRepository = jobRepository;
		this.jobRegistry = jobRegistry;
		JobOperatorFactoryBean factory = new JobOperatorFactoryBean();
		factory.setJobRepository(jobRepository);
		factory.setJobRegistry(jobRegistry);
		factory.setTransactionManager(transactionManager);
		factory.setTaskExecutor(new SimpleAsyncTaskExecutor("job-"));
		factory.afterPropertiesSet();
		this.operator = factory.getObject();
	}

	/** Starts a new run of a job with exactly these parameters and waits for its end. */
	public int start(String jobName, JobParameters parameters, PrintWriter out) {
		Job job = job(jobName);
		validate(job, parameters);
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
		catch (JobRestartException | InvalidJobParametersException ex) {
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
		String jobName = previous.getJobInstance().getJobName();
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
		validate(job(jobName), previous.getJobParameters());
		JobExecution execution;
		try {
			execution = this.operator.restart(previous);
		}
		catch (JobRestartException ex) {
			throw new CliException(ExitCodes.ALREADY_RUNNING,
					"execution " + executionId + " cannot be restarted now: " + SpringContext.rootMessage(ex));
		}
		return follow(execution, out);
	}

	private int follow(JobExecution started, PrintWriter out) {
		out.println("execution " + started.getId());
		out.flush();
		JobExecution execution = started;
		while (execution.isRunning()) {
			sleep();
			JobExecution current = findExecution(started.getId());
			if (current != null) {
				execution = current;
			}
		}
		new RunSummary(execution).print(out);
		return exitCode(execution.getStatus());
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
					+ String.join(", ", new java.util.TreeSet<>(this.jobRegistry.getJobNames())));
		}
		return job;
	}

	// Checked here, before the job repository records anything: a bad file or parameter leaves
	// no trace of a run.
	private static void validate(Job job, JobParameters parameters) {
		try {
			job.getJobParametersValidator().validate(parameters);
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

	private static void sleep() {
		try {
			Thread.sleep(POLL_INTERVAL.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new CliException(ExitCodes.FAILED, "interrupted while waiting for the run");
		}
	}

}
