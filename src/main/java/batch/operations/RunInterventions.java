package batch.operations;

import java.time.Duration;
import java.util.List;

import batch.shared.RootCause;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobExecutionNotRunningException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
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

	RunInterventions(RunQueries queries, LocalRuns localRuns, Heartbeats heartbeats, RunOperator operator) {
		this.queries = queries;
		this.localRuns = localRuns;
		this.heartbeats = heartbeats;
		this.operator = operator.operator();
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
		StepContext before = StepSynchronizationManager.getContext();
		try {
			this.operator.stop(execution);
		}
		catch (JobExecutionNotRunningException ex) {
			// it ended meanwhile
		}
		catch (OptimisticLockingFailureException ex) {
			// a step committed a chunk as Spring Batch marked it STOPPED: the run was already marked
			// STOPPING, and the step stops after its chunk in flight all the same
			logger.debug("execution {}: a step moved on as it was being stopped: {}", executionId, ex.getMessage());
		}
		finally {
			// Spring Batch's stop enters each running step's scope on this thread and leaves it only
			// when the step's update succeeds: leave what it entered, without destroying the beans of
			// a step that still runs
			while (StepSynchronizationManager.getContext() != null && StepSynchronizationManager.getContext() != before) {
				StepSynchronizationManager.close();
			}
		}
		return this.queries.execution(executionId);
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
