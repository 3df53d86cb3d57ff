package batch.operations;

import java.time.Duration;
import java.util.List;

import batch.job.JobPreflight;
import batch.shared.RootCause;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.launch.JobRestartException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * Starts and restarts runs, for the command line and the API alike: after checking their
 * parameters and files (a restart also that its files are the ones the run read), so that a bad
 * one leaves no trace; on threads of this process ({@link LocalRuns}).
 */
@Component
public class RunLauncher {

	private static final Logger logger = LoggerFactory.getLogger(RunLauncher.class);

	// How long a run's thread may take to finish once its execution is recorded as ended.
	private static final Duration THREAD_END = Duration.ofSeconds(10);

	private final JobRepository jobRepository;

	private final List<JobPreflight> preflights;

	private final List<LaunchCheck> launchChecks;

	private final RunQueries queries;

	private final LocalRuns localRuns;

	private final JobOperator operator;

	RunLauncher(JobRepository jobRepository, List<JobPreflight> preflights, List<LaunchCheck> launchChecks,
			RunQueries queries, LocalRuns localRuns, RunOperator operator) {
		this.jobRepository = jobRepository;
		this.preflights = preflights;
		this.launchChecks = launchChecks;
		this.queries = queries;
		this.localRuns = localRuns;
		this.operator = operator.operator();
	}

	/**
	 * Starts a new run of a job with exactly these parameters, on a thread of this process.
	 * @return the execution, as the job's thread updates it
	 */
	public JobExecution start(String jobName, JobParameters parameters) {
		Job job = this.queries.job(jobName);
		preflight(jobName, parameters);
		this.launchChecks.forEach((check) -> check.check(jobName));
		try {
			return this.localRuns.launched(() -> this.operator.start(job, parameters));
		}
		catch (OperationRefusedException ex) {
			throw ex;
		}
		catch (JobExecutionAlreadyRunningException ex) {
			throw alreadyRunning(jobName);
		}
		catch (DataIntegrityViolationException | ConcurrencyFailureException | IllegalStateException ex) {
			// the second of two launches at once finds the first's job instance where there was none
			// a moment before ("JobInstance must not already exist"), fails on its unique key, or
			// loses a lock to it: if the first is running now, that is the answer
			// (Spring Batch creates the instance and its first execution in two transactions: an
			// instance without an execution is a launch under way)
			JobInstance instance = this.jobRepository.getJobInstance(jobName, parameters);
			JobExecution last = (instance != null) ? this.jobRepository.getLastJobExecution(instance) : null;
			if (instance != null && (last == null || RunQueries.isActive(last))) {
				throw alreadyRunning(jobName);
			}
			throw ex;
		}
		catch (JobInstanceAlreadyCompleteException ex) {
			throw new OperationRefusedException(Refusal.WRONG_STATE, jobName
					+ " has already completed with these parameters (" + describe(parameters)
					+ "): change a parameter to run it again");
		}
		catch (JobRestartException ex) {
			// Spring Batch's text names its internal objects: logged, not answered
			logger.warn("{} with {} cannot be started: {}", jobName, describe(parameters), RootCause.message(ex));
			throw new OperationRefusedException(Refusal.WRONG_STATE, jobName + " cannot be started with these parameters ("
					+ describe(parameters) + "): their last run cannot be restarted; change a parameter to start a new run");
		}
		catch (InvalidJobParametersException ex) {
			throw new OperationRefusedException(Refusal.BAD_REQUEST, ex.getMessage());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static OperationRefusedException alreadyRunning(String jobName) {
		return new OperationRefusedException(Refusal.RUNNING,
				jobName + " is already running with these parameters: wait for it, or stop it");
	}

	/**
	 * Restarts a FAILED or STOPPED run by its execution id, on a thread of this process. A run, or
	 * steps of it, left UNKNOWN because the database was lost under it is marked FAILED first: in
	 * these jobs, a chunk's rows and its step's position commit together, and every write is an
	 * upsert, so resuming from the recorded position loses nothing and duplicates nothing.
	 */
	public JobExecution restart(long executionId) {
		if (!RunQueries.isActive(this.queries.execution(executionId)) && this.localRuns.contains(executionId)) {
			// recorded as ended, its thread still finishing here (listeners, the last update): a
			// run reported inactive restarts, once that thread is done
			awaitThreadEnd(executionId);
		}
		JobExecution previous = this.queries.execution(executionId);
		if (RunQueries.isActive(previous) || this.localRuns.contains(executionId)) {
			throw new OperationRefusedException(Refusal.RUNNING, "execution " + executionId + " is still running ("
					+ previous.getStatus() + ", with steps not ended): wait for it, stop it, or recover it if its process"
					+ " died");
		}
		if (previous.getStatus() != BatchStatus.FAILED && previous.getStatus() != BatchStatus.STOPPED
				&& previous.getStatus() != BatchStatus.UNKNOWN) {
			throw new OperationRefusedException(Refusal.WRONG_STATE, "execution " + executionId + " is "
					+ previous.getStatus() + ": only FAILED or STOPPED runs restart");
		}
		JobExecution last = this.jobRepository.getLastJobExecution(previous.getJobInstance());
		if (last != null && last.getId() != executionId) {
			throw new OperationRefusedException(Refusal.WRONG_STATE, "execution " + executionId
					+ " was already restarted as execution " + last.getId() + ": restart that one if it failed");
		}
		String jobName = previous.getJobInstance().getJobName();
		this.queries.job(jobName);
		// what a start checks, and that the files are the ones the run read: before anything is written
		RestartInputs.check(previous.getJobParameters(), this.jobRepository.getJobExecutions(previous.getJobInstance()));
		restartPreflight(jobName, previous.getJobParameters());
		this.launchChecks.forEach((check) -> check.check(jobName));
		settleUnknown(previous);
		try {
			return this.localRuns.launched(() -> this.operator.restart(previous));
		}
		catch (OperationRefusedException ex) {
			throw ex;
		}
		catch (JobRestartException ex) {
			if (ex.getCause() instanceof JobExecutionAlreadyRunningException) {
				// another restart of the same run got there first
				throw new OperationRefusedException(Refusal.RUNNING,
						"execution " + executionId + " is being restarted already, by another request or process");
			}
			// Spring Batch's text names its internal objects: logged, not answered
			logger.warn("execution {} cannot be restarted: {}", executionId, RootCause.message(ex));
			throw new OperationRefusedException(Refusal.WRONG_STATE, "execution " + executionId
					+ " cannot be restarted: its job refuses restarts of this run (the log says why)");
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	// The steps and the run that Spring Batch left UNKNOWN, FAILED, as restart needs them.
	private void settleUnknown(JobExecution execution) {
		for (StepExecution step : execution.getStepExecutions()) {
			if (step.getStatus() == BatchStatus.UNKNOWN) {
				logger.warn("execution {}: step {} was UNKNOWN; marked FAILED to restart it", execution.getId(),
						step.getStepName());
				step.setStatus(BatchStatus.FAILED);
				this.jobRepository.update(step);
			}
		}
		if (execution.getStatus() == BatchStatus.UNKNOWN) {
			execution.setStatus(BatchStatus.FAILED);
			this.jobRepository.update(execution);
		}
	}

	private void awaitThreadEnd(long executionId) {
		try {
			this.localRuns.awaitEnd(executionId, THREAD_END);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void restartPreflight(String jobName, JobParameters parameters) {
		try {
			for (JobPreflight preflight : this.preflights) {
				if (preflight.jobName().equals(jobName)) {
					preflight.checkRestart(parameters);
				}
			}
		}
		catch (InvalidJobParametersException ex) {
			throw new OperationRefusedException(Refusal.INPUT_CHANGED, ex.getMessage()
					+ " (a restart needs the files of the run it continues, as they were)");
		}
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
			this.queries.job(jobName).getJobParametersValidator().validate(parameters);
		}
		catch (InvalidJobParametersException ex) {
			throw new OperationRefusedException(Refusal.BAD_REQUEST, ex.getMessage());
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
