package batch.operations;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * Deletes the job metadata of old runs through Spring Batch's repository (never results, rejects
 * or staged input), keeping what may still be needed: runs marked running, and runs that can
 * still be restarted unless asked.
 */
@Component
public class MetadataPurge {

	private final JobRepository jobRepository;

	private final Heartbeats heartbeats;

	MetadataPurge(JobRepository jobRepository, Heartbeats heartbeats) {
		this.jobRepository = jobRepository;
		this.heartbeats = heartbeats;
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
				if (executions.stream().anyMatch(RunQueries::isActive)) {
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

}
