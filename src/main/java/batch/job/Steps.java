package batch.job;

import batch.partition.KeyRangePartitioner;
import batch.partition.Partitioning;
import org.springframework.batch.core.job.flow.FlowExecutionStatus;
import org.springframework.batch.core.job.flow.JobExecutionDecider;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;

/**
 * The partitioned step shape and the flow decision the jobs are made of; the chunk-oriented steps
 * are {@link ChunkSteps}.
 */
final class Steps {

	private Steps() {
	}

	/** What {@link #whetherGiven} decides when the parameter has a value. */
	static final String GIVEN = "GIVEN";

	/** Decides {@link #GIVEN} or {@code NOT_GIVEN} by whether the job parameter has a value. */
	static JobExecutionDecider whetherGiven(String parameter) {
		return (jobExecution, stepExecution) -> new FlowExecutionStatus(
				(jobExecution.getJobParameters().getString(parameter) != null) ? GIVEN : "NOT_GIVEN");
	}

	/**
	 * A manager step that runs {@code worker} on each key range, on local threads or remote workers
	 * as {@code partitioning} says.
	 */
	static Step partitioned(String name, JobRepository jobRepository, KeyRangePartitioner partitioner, Step worker,
			Partitioning partitioning) {
		return new StepBuilder(name, jobRepository).partitioner(worker.getName(), partitioner)
			.partitionHandler(partitioning.handler(worker))
			.build();
	}

}
