package batch.partition;

import java.time.LocalDateTime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Takes a partition over from a worker that started it and stopped renewing its lease: a successor
 * execution resumes from the abandoned one's saved state (the reader's position after its last
 * committed chunk), and the abandoned one is failed.
 */
final class Takeover {

	private static final Logger logger = LoggerFactory.getLogger(Takeover.class);

	private final JobRepository jobRepository;

	private final WorkerMetrics metrics;

	Takeover(JobRepository jobRepository, WorkerMetrics metrics) {
		this.jobRepository = jobRepository;
		this.metrics = metrics;
	}

	/**
	 * The successor to run in place of {@code owner}'s abandoned execution. It exists before the
	 * abandoned execution is failed, so that the manager never sees the partition ended; if the dead
	 * worker proves alive (it updated the execution meanwhile), the successor is deleted and null
	 * returned. (The job repository takes no outer transaction.)
	 */
	StepExecution succeed(StepExecution abandoned, String jobName, String owner) {
		StepExecution successor = this.jobRepository.createStepExecution(abandoned.getStepName(),
				abandoned.getJobExecution());
		successor.setExecutionContext(new ExecutionContext(abandoned.getExecutionContext()));
		this.jobRepository.updateExecutionContext(successor);
		abandoned.setStatus(BatchStatus.FAILED);
		abandoned.setExitStatus(ExitStatus.FAILED.addExitDescription("taken over: " + owner
				+ " stopped renewing its lease; execution " + successor.getId() + " resumes from the last chunk"));
		abandoned.setEndTime(LocalDateTime.now());
		try {
			this.jobRepository.update(abandoned);
		}
		catch (OptimisticLockingFailureException ex) {
			logger.warn("partition {}: {} is still writing to it; leaving it", abandoned.getStepName(), owner);
			this.jobRepository.deleteStepExecution(successor);
			return null;
		}
		this.metrics.tookOver(jobName);
		logger.warn("partition {} of execution {}: taken over from {}; execution {} resumes it from execution {}",
				abandoned.getStepName(), abandoned.getJobExecutionId(), owner, successor.getId(), abandoned.getId());
		return successor;
	}

}
