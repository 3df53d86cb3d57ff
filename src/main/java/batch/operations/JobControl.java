package batch.operations;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import batch.job.JobPreflight;
import batch.shared.RootCause;
import batch.shared.TablePrefix;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.configuration.JobRegistry;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobExecutionNotRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.launch.JobRestartException;
import org.springframework.batch.core.launch.support.JobOperatorFactoryBean;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.core.task.TaskExecutor;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Everything operators do to jobs and runs, for the command line and the API alike: start a run
 * (after checking its parameters and files, so that a bad one leaves no trace), restart, stop and
 * recover one, report on runs, and purge old job metadata. Runs execute on threads of this
 * process; their ends are tracked, so that the caller can wait for them and a shutdown can stop
 * them.
 */
@Component
public class JobControl {

	private static final Logger logger = LoggerFactory.getLogger(JobControl.class);

	// How long a run's thread may take to finish once its execution is recorded as ended.
	private static final Duration THREAD_END = Duration.ofSeconds(10);

	private final JobRepository jobRepository;

	private final JobRegistry jobRegistry;

	private final List<JobPreflight> preflights;

	private final Heartbeats heartbeats;

	private final List<LaunchCheck> launchChecks;

	private final JdbcTemplate jdbc;

	private final TablePrefix tables;

	private final JobOperator operator;

	private final RunLimits limits;

	// The runs executing in this process, by execution id, each with the end of its thread: the
	// outcome is known from it even if the job repository could not record it.
	private final Map<Long, CompletableFuture<Void>> local = new ConcurrentHashMap<>();

	// Handed from the task executor to the launch that submitted the task; launches are serialized.
	private CompletableFuture<Void> submitted;

	JobControl(JobRepository jobRepository, JobRegistry jobRegistry, List<JobPreflight> preflights,
			List<LaunchCheck> launchChecks, PlatformTransactionManager transactionManager, Heartbeats heartbeats,
			JdbcTemplate jdbc, RunLimits limits, @Value("${spring.batch.jdbc.table-prefix:BATCH_}") String tablePrefix)
			throws Exception {
		this.limits = limits;
		this.launchChecks = launchChecks;
		this.jobRepository = jobRepository;
		this.jdbc = jdbc;
		this.tables = new TablePrefix(tablePrefix);
		this.jobRegistry = jobRegistry;
		this.preflights = preflights;
		this.heartbeats = heartbeats;
		SimpleAsyncTaskExecutor threads = new SimpleAsyncTaskExecutor("job-");
		TaskExecutor tracked = (task) -> {
			CompletableFuture<Void> end = new CompletableFuture<>();
			this.submitted = end;
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

	/**
	 * Starts a new run of a job with exactly these parameters, on a thread of this process.
	 * @return the execution, as the job's thread updates it
	 */
	public JobExecution start(String jobName, JobParameters parameters) {
		Job job = job(jobName);
		preflight(jobName, parameters);
		this.launchChecks.forEach((check) -> check.check(jobName));
		try {
			return launched(() -> this.operator.start(job, parameters));
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
			if (instance != null && (last == null || isActive(last))) {
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
		if (!isActive(execution(executionId)) && this.local.containsKey(executionId)) {
			// recorded as ended, its thread still finishing here (listeners, the last update): a
			// run reported inactive restarts, once that thread is done
			awaitThreadEnd(executionId);
		}
		JobExecution previous = execution(executionId);
		if (isActive(previous) || this.local.containsKey(executionId)) {
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
		job(jobName);
		// what a start checks, and that the files are the ones the run read: before anything is written
		RestartInputs.check(previous.getJobParameters(), this.jobRepository.getJobExecutions(previous.getJobInstance()));
		restartPreflight(jobName, previous.getJobParameters());
		this.launchChecks.forEach((check) -> check.check(jobName));
		settleUnknown(previous);
		try {
			return launched(() -> this.operator.restart(previous));
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

	// One launch at a time, so that the task the operator submits is this launch's.
	private synchronized JobExecution launched(Launch launch) throws Exception {
		if (this.local.size() >= this.limits.maxConcurrentRuns()) {
			throw new OperationRefusedException(Refusal.TOO_MANY_RUNS, "this process already runs "
					+ this.local.size() + " runs, as many as it may at once (batch.api.max-concurrent-runs): "
					+ "try again when one of them has ended");
		}
		this.submitted = null;
		JobExecution execution = launch.run();
		CompletableFuture<Void> end = this.submitted;
		if (end != null) {
			long id = execution.getId();
			this.local.put(id, end);
			try {
				this.heartbeats.start(id);
			}
			catch (RuntimeException ex) {
				// the run goes on; without a heartbeat, recover cannot tell that it is alive
				logger.warn("cannot record the heartbeat of execution {}: {}", id, RootCause.message(ex));
			}
			end.whenComplete((done, error) -> {
				this.heartbeats.end(id);
				this.local.remove(id);
			});
		}
		return execution;
	}

	/**
	 * Asks a running execution to stop: its steps end after the chunks in flight, and it ends
	 * STOPPED, wherever it runs. A run already stopping or stopped is left as it is.
	 */
	public JobExecution stop(long executionId) {
		JobExecution execution = execution(executionId);
		if (execution.getStatus() == BatchStatus.STOPPING || execution.getStatus() == BatchStatus.STOPPED) {
			return execution;
		}
		if (!execution.isRunning()) {
			throw new OperationRefusedException(Refusal.WRONG_STATE,
					"execution " + executionId + " is " + execution.getStatus() + ": there is nothing to stop");
		}
		try {
			this.operator.stop(execution);
		}
		catch (JobExecutionNotRunningException ex) {
			// it ended meanwhile
		}
		return execution(executionId);
	}

	/**
	 * Marks a run whose process died (left STARTED or STOPPING) as FAILED, with its running steps,
	 * so that it can be restarted. Refused while its process may be alive, here or on another
	 * host, unless forced.
	 */
	public JobExecution recover(long executionId, boolean force) {
		JobExecution execution = execution(executionId);
		if (!isActive(execution)) {
			throw new OperationRefusedException(Refusal.WRONG_STATE, "execution " + executionId + " is "
					+ execution.getStatus() + ": there is nothing to recover"
					+ ((execution.getStatus() == BatchStatus.FAILED || execution.getStatus() == BatchStatus.STOPPED
							|| execution.getStatus() == BatchStatus.UNKNOWN) ? "; restart it" : ""));
		}
		if (this.local.containsKey(executionId)) {
			throw new OperationRefusedException(Refusal.RUNNING,
					"execution " + executionId + " is running in this process: stop it instead");
		}
		Heartbeats.Pulse pulse = this.heartbeats.last(executionId);
		if (!force && this.heartbeats.mayBeAlive(pulse)) {
			throw new OperationRefusedException(Refusal.RUNNING,
					"execution " + executionId + " may still be running: process " + pulse.pid() + " on "
							+ pulse.host() + " last beat " + pulse.age().toSeconds() + " s ago. Stop it (stop "
							+ executionId + "); if you know its process is dead, recover it with --force");
		}
		if (execution.getStatus() == BatchStatus.UNKNOWN) {
			// its database was lost, then its process died: Spring Batch's recover leaves it as it is
			execution.setStatus(BatchStatus.FAILED);
		}
		this.operator.recover(execution);
		return execution(executionId);
	}

	/**
	 * Whether a run or any of its steps is still running. A stopped run is marked STOPPED as soon
	 * as the stop is asked for; its partitions end after their chunks in flight.
	 */
	public static boolean isActive(JobExecution execution) {
		return execution.isRunning()
				|| execution.getStepExecutions().stream().anyMatch((step) -> step.getStatus().isRunning());
	}

	/** Whether runs of this process are executing; a launch under way finishes first. */
	public synchronized boolean hasLocalRuns() {
		return !this.local.isEmpty();
	}

	/** Stops the runs of this process and waits, up to the grace period, for them to end. */
	public boolean stopLocalRuns(Duration grace) {
		List<Long> running;
		synchronized (this) {
			// after a launch under way has registered its run
			running = new ArrayList<>(this.local.keySet());
		}
		for (Long executionId : running) {
			try {
				logger.warn("stopping execution {}: this process is asked to end", executionId);
				stop(executionId);
			}
			catch (RuntimeException ex) {
				logger.warn("cannot stop execution {}: {}", executionId, RootCause.message(ex));
			}
		}
		long deadline = System.nanoTime() + grace.toNanos();
		for (Long executionId : running) {
			CompletableFuture<Void> end = this.local.get(executionId);
			if (end == null) {
				continue;
			}
			try {
				end.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
			}
			catch (TimeoutException ex) {
				return false;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
			catch (ExecutionException ex) {
				// ended
			}
		}
		for (Long executionId : running) {
			logger.warn("execution {} ended {}: restart it with ./batch restart {} (or POST /api/executions/{}/restart)",
					executionId, endedStatus(executionId), executionId, executionId);
		}
		return true;
	}

	private String endedStatus(long executionId) {
		try {
			return execution(executionId).getStatus().name();
		}
		catch (RuntimeException ex) {
			return "(its status cannot be read: " + RootCause.message(ex) + ")";
		}
	}

	private void awaitThreadEnd(long executionId) {
		try {
			awaitEnd(executionId, THREAD_END);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Waits for a run of this process to end, up to a timeout.
	 * @return whether it has ended (true, too, for a run that is not this process's)
	 */
	public boolean awaitEnd(long executionId, Duration timeout) throws InterruptedException {
		CompletableFuture<Void> end = this.local.get(executionId);
		if (end == null) {
			return true;
		}
		try {
			end.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
			return true;
		}
		catch (TimeoutException ex) {
			return false;
		}
		catch (ExecutionException ex) {
			return true;
		}
	}

	/** An execution with its steps, as the job repository has it. */
	public JobExecution execution(long executionId) {
		try {
			JobExecution execution = this.jobRepository.getJobExecution(executionId);
			if (execution != null) {
				return execution;
			}
		}
		catch (EmptyResultDataAccessException ex) {
			// Spring Batch 6.0's JDBC repository throws, rather than answering null, for an unknown id
		}
		throw new OperationRefusedException(Refusal.NO_SUCH_EXECUTION, "there is no execution " + executionId);
	}

	/** The report of one execution. */
	public ExecutionReport report(long executionId) {
		return ExecutionReport.of(execution(executionId), LocalDateTime.now());
	}

	/** The latest executions, newest first: of one job, or of every job when the name is null. */
	public List<JobExecution> executions(String jobName, int limit) {
		String executions = "SELECT e.JOB_EXECUTION_ID FROM " + this.tables.table("JOB_EXECUTION") + " e JOIN "
				+ this.tables.table("JOB_INSTANCE") + " i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID";
		List<Long> ids;
		if (jobName != null) {
			if (!this.jobRepository.getJobNames().contains(jobName) && this.jobRegistry.getJob(jobName) == null) {
				throw noSuchJob(jobName);
			}
			ids = this.jdbc.queryForList(executions + " WHERE i.JOB_NAME = ? ORDER BY e.JOB_EXECUTION_ID DESC LIMIT ?",
					Long.class, jobName, limit);
		}
		else {
			ids = this.jdbc.queryForList(executions + " ORDER BY e.JOB_EXECUTION_ID DESC LIMIT ?", Long.class, limit);
		}
		// by execution, not by instance: a restart of an old run is among the latest
		return ids.stream().map(this::execution).toList();
	}

	/** The newest execution of any job, or null when there is none. */
	public JobExecution latest() {
		List<JobExecution> latest = executions(null, 1);
		return latest.isEmpty() ? null : latest.get(0);
	}

	/**
	 * Deletes, through the job repository, the job metadata of the runs that all ended before
	 * {@code cutoff}: instances, executions, steps, contexts and parameters, and their
	 * heartbeats. Results, rejects and the runs' staged input are never touched. Runs still marked
	 * running are kept (recover them first), and so are runs that can still be restarted (their
	 * last execution FAILED, STOPPED or UNKNOWN) unless {@code includeRestartable}: a purged run
	 * cannot be restarted, and its restart would have continued where it stopped.
	 */
	public PurgeReport purge(LocalDateTime cutoff, boolean includeRestartable, boolean dryRun) {
		List<JobInstance> old = new ArrayList<>();
		int running = 0;
		int restartable = 0;
		for (String name : this.jobRepository.getJobNames()) {
			for (JobInstance instance : this.jobRepository.findJobInstances(name)) {
				List<JobExecution> executions = this.jobRepository.getJobExecutions(instance);
				if (executions.stream().anyMatch(JobControl::isActive)) {
					running++;
				}
				else if (executions.stream().allMatch((execution) -> endedBefore(execution, cutoff))) {
					if (!includeRestartable && isRestartable(executions)) {
						restartable++;
					}
					else {
						old.add(instance);
					}
				}
			}
		}
		List<JobExecution> purged = new ArrayList<>();
		for (JobInstance instance : old) {
			List<JobExecution> ofInstance = this.jobRepository.getJobExecutions(instance);
			purged.addAll(ofInstance);
			if (!dryRun) {
				this.jobRepository.deleteJobInstance(instance);
				for (JobExecution execution : ofInstance) {
					this.heartbeats.forget(execution.getId());
				}
			}
		}
		purged.sort(Comparator.comparingLong(JobExecution::getId));
		return new PurgeReport(old.size(), purged.stream().map(PurgedExecution::of).toList(), running, restartable);
	}

	private static boolean endedBefore(JobExecution execution, LocalDateTime cutoff) {
		LocalDateTime end = (execution.getEndTime() != null) ? execution.getEndTime() : execution.getCreateTime();
		return end != null && end.isBefore(cutoff);
	}

	// as restart has it: the instance's last execution failed or stopped, or its end is unknown
	private static boolean isRestartable(List<JobExecution> executions) {
		BatchStatus last = executions.stream()
			.max(Comparator.comparingLong(JobExecution::getId))
			.map(JobExecution::getStatus)
			.orElse(BatchStatus.COMPLETED);
		return last == BatchStatus.FAILED || last == BatchStatus.STOPPED || last == BatchStatus.UNKNOWN;
	}

	/**
	 * What purge deleted (or would delete): the runs (job instances) and their executions, oldest
	 * first; and the old runs it kept, because they are marked running or can still be restarted.
	 */
	public record PurgeReport(int instances, List<PurgedExecution> purged, int keptRunning, int keptRestartable) {

		/** The executions deleted, or that would be. */
		public int executions() {
			return this.purged.size();
		}

	}

	/** An execution purge deletes: its end is null if it never ended (it is then as old as its creation). */
	public record PurgedExecution(long id, String jobName, BatchStatus status, LocalDateTime endTime) {

		static PurgedExecution of(JobExecution execution) {
			return new PurgedExecution(execution.getId(), execution.getJobInstance().getJobName(),
					execution.getStatus(), execution.getEndTime());
		}

	}

	/** Whether a job of that name exists. */
	public Job job(String jobName) {
		Job job = this.jobRegistry.getJob(jobName);
		if (job == null) {
			throw noSuchJob(jobName);
		}
		return job;
	}

	private OperationRefusedException noSuchJob(String jobName) {
		return new OperationRefusedException(Refusal.NO_SUCH_JOB, "there is no job '" + jobName
				+ "': the jobs are " + String.join(", ", new TreeSet<>(this.jobRegistry.getJobNames())));
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
			job(jobName).getJobParametersValidator().validate(parameters);
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

	@FunctionalInterface
	private interface Launch {

		JobExecution run() throws Exception;

	}

}
