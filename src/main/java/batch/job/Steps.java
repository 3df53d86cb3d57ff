package batch.job;

import batch.domain.Rejection;
import batch.partition.KeyRangePartitioner;
import batch.partition.Partitioning;
import batch.writer.RejectRecorder;
import org.springframework.batch.core.job.flow.FlowExecutionStatus;
import org.springframework.batch.core.job.flow.JobExecutionDecider;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemReader;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The step shapes and the flow decision the jobs are made of.
 */
final class Steps {

	private Steps() {
	}

	/**
	 * A chunk-oriented step that skips every item its processor rejects (a {@link Rejection}) and
	 * records it with {@code recorder}; there is no skip limit, and any other error fails the step.
	 */
	static <I, O> Step rejectingChunkStep(String name, JobRepository jobRepository,
			PlatformTransactionManager transactionManager, int chunkSize, ItemReader<? extends I> reader,
			ItemProcessor<? super I, ? extends O> processor, ItemWriter<? super O> writer,
			RejectRecorder<I, O> recorder) {
		return new StepBuilder(name, jobRepository).<I, O>chunk(chunkSize)
			.transactionManager(transactionManager)
			.reader(reader)
			.processor(processor)
			.writer(writer)
			.faultTolerant()
			.skipPolicy((error, skipCount) -> error instanceof Rejection)
			.listener(recorder)
			.build();
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
