package batch.operations;

import java.time.Duration;
import java.util.List;

import batch.shared.RootCause;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.configuration.JobRegistry;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.StepLocator;
import org.springframework.batch.core.step.tasklet.StoppableTasklet;
import org.springframework.batch.core.step.tasklet.TaskletStep;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * Stops and recovers runs, wherever they run: a stop is recorded in the job repository, which
 * every process running the run's steps reads; a recover marks a run whose process died FAILED,
 * so that it can be restarted. And the stop of this process's own runs on shutdown.
 */
@Component
public class RunInterventions {

	private static final Logger logger = LoggerFactory.getLogger(RunInterventions.class);

	private final RunQueries queries;

	private final LocalRuns localRuns;

	private final Heartbeats heartbeats;

	private final JobOperator operator;

	private final JobRepository jobRepository;

	private final JobRegistry jobRegistry;

	RunInterventions(RunQueries queries, LocalRuns localRuns, Heartbeats heartbeats, RunOperator operator,
			JobRepository jobRepository, JobRegistry jobRegistry) {
		this.queries = queries;
		this.localRuns = localRuns;
		this.heartbeats = heartbeats;
		this.operator = operator.operator();
		this.jobRepository = jobRepository;
		this.jobRegistry = jobRegistry;
	}

	/**
	 * Asks a running execution to stop: its steps end after the chunks in flight, and it ends
	 * STOPPED, wherever it runs. A run already stopping or stopped is left as it is.
	 */
	public JobExecution stop(long executionId) {
		JobExecution execution = this.queries.execution(executionId);
		if (execution.getStatus() == BatchStatus.STOPPING || execution.getStatus() == BatchStatus.STOPPED) {
			return execution;
		}
		if (!execution.isRunning()) {
			throw new OperationRefusedException(Refusal.WRONG_STATE,
					"execution " + executionId + " is " + execution.getStatus() + ": there is nothing to stop");
		}
		// Spring Batch's JobOperator.stop also records each running step STOPPED from this thread,
		// with a version of its own: a step that commits its chunk in flight just after fails on
		// that version, and the run ends FAILED. Here only the run is marked STOPPING, which every
		// step reads at its next chunk (here or on a worker) and stops on; an export, which writes
		// in one go, is told to stop as Spring Batch tells it.
		for (int attempt = 1;; attempt++) {
			try {
				execution.setStatus(BatchStatus.STOPPING);
				this.jobRepository.update(execution);
				break;
			}
			catch (OptimisticLockingFailureException ex) {
				// the run moved on to its next step meanwhile: ask again, of what it is now
				execution = this.queries.execution(executionId);
				if (!execution.isRunning() || attempt == 3) {
					return execution;
				}
			}
		}
		stopTasklets(execution);
		return this.queries.execution(executionId);
	}

	private void stopTasklets(JobExecution execution) {
		Job job = this.jobRegistry.getJob(execution.getJobInstance().getJobName());
		if (!(job instanceof StepLocator steps)) {
			return;
		}
		for (StepExecution step : execution.getStepExecutions()) {
			if (!step.getStatus().isRunning()) {
				continue;
			}
			// null for a partition, which stops at its next chunk
			Step found = steps.getStep(step.getStepName());
			if (found instanceof TaskletStep tasklet
					&& tasklet.getTasklet() instanceof StoppableTasklet stoppable) {
				// in the step's scope, as Spring Batch's own stop calls it, for a step-scoped tasklet
				StepSynchronizationManager.register(step);
				try {
					stoppable.stop(step);
				}
				finally {
					StepSynchronizationManager.close();
				}
			}
		}
	}

	/**
	 * Marks a run whose process died (left STARTED or STOPPING) as FAILED, with its running steps,
	 * so that it can be restarted. Refused while its process may be alive, here or on another
	 * host, unless forced.
	 */
	public JobExecution recover(long executionId, boolean force) {
		JobExecution execution = this.queries.execution(executionId);
		if (!RunQueries.isActive(execution)) {
			throw new OperationRefusedException(Refusal.WRONG_STATE, "execution " + executionId + " is "
					+ execution.getStatus() + ": there is nothing to recover"
					+ ((execution.getStatus() == BatchStatus.FAILED || execution.getStatus() == BatchStatus.STOPPED
							|| execution.getStatus() == BatchStatus.UNKNOWN) ? "; restart it" : ""));
		}
		if (this.localRuns.contains(executionId)) {
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
		return this.queries.execution(executionId);
	}

	/** Stops the runs of this process and waits, up to the grace period, for them to end. */
	public boolean stopLocalRuns(Duration grace) {
		List<Long> running = this.localRuns.ids();
		for (Long executionId : running) {
			try {
				logger.warn("stopping execution {}: this process is asked to end", executionId);
				stop(executionId);
			}
			catch (RuntimeException ex) {
				logger.warn("cannot stop execution {}: {}", executionId, RootCause.message(ex));
			}
		}
		if (!this.localRuns.awaitAll(running, grace)) {
			return false;
		}
		for (Long executionId : running) {
			logger.warn("execution {} ended {}: restart it with ./batch restart {} (or POST /api/executions/{}/restart)",
					executionId, endedStatus(executionId), executionId, executionId);
		}
		return true;
	}

	private String endedStatus(long executionId) {
		try {
			return this.queries.execution(executionId).getStatus().name();
		}
		catch (RuntimeException ex) {
			return "(its status cannot be read: " + RootCause.message(ex) + ")";
		}
	}

}
