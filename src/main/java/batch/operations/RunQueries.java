package batch.operations;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.TreeSet;

import batch.shared.TablePrefix;

import org.springframework.batch.core.configuration.JobRegistry;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the job repository says of jobs and runs: an execution, its report, the latest runs, a
 * job by name. Read only.
 */
@Component
public class RunQueries {

	private final JobRepository jobRepository;

	private final JobRegistry jobRegistry;

	private final JdbcTemplate jdbc;

	private final TablePrefix tables;

	private final LocalRuns localRuns;

	RunQueries(JobRepository jobRepository, JobRegistry jobRegistry, JdbcTemplate jdbc, TablePrefix tables,
			LocalRuns localRuns) {
		this.localRuns = localRuns;
		this.jobRepository = jobRepository;
		this.jobRegistry = jobRegistry;
		this.jdbc = jdbc;
		this.tables = tables;
	}

	/**
	 * Whether a run or any of its steps is still running. A stopped run is marked STOPPED as soon
	 * as the stop is asked for; its partitions end after their chunks in flight.
	 */
	public static boolean isActive(JobExecution execution) {
		return execution.isRunning()
				|| execution.getStepExecutions().stream().anyMatch((step) -> step.getStatus().isRunning());
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
		return report(execution(executionId), LocalDateTime.now());
	}

	/**
	 * The report of an execution, active while its thread in this process still runs: once
	 * stopped, a run and its steps are recorded STOPPED before the chunks in flight end.
	 */
	public ExecutionReport report(JobExecution execution, LocalDateTime now) {
		return ExecutionReport.of(execution, now, ZoneId.systemDefault(), this.localRuns.contains(execution.getId()));
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

}
