package batch.job;

import batch.domain.Rejection;
import batch.shared.StepProperties;
import batch.writer.RejectRecorder;
import batch.writer.WriteMetrics;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.ChunkOrientedStepBuilder;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemReader;
import org.springframework.batch.infrastructure.item.ItemStream;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The chunk-oriented steps of the jobs, all alike: {@code chunk-size} items per transaction, the
 * write retried after a transient database error ({@link TransientErrors}), any other error
 * failing the step, restartably even when the database connection was lost ({@link UnknownOutcome}).
 */
@Component
@EnableConfigurationProperties(RetryProperties.class)
class ChunkSteps {

	private final JobRepository jobRepository;

	private final PlatformTransactionManager transactionManager;

	private final StepProperties properties;

	private final TransientErrors transientErrors;

	private final WriteMetrics metrics;

	ChunkSteps(JobRepository jobRepository, PlatformTransactionManager transactionManager, StepProperties properties,
			TransientErrors transientErrors, WriteMetrics metrics) {
		this.jobRepository = jobRepository;
		this.transactionManager = transactionManager;
		this.properties = properties;
		this.transientErrors = transientErrors;
		this.metrics = metrics;
	}

	/** A step whose processor accepts every item it is given. */
	<I, O> Step step(String name, ItemReader<? extends I> reader, ItemProcessor<? super I, ? extends O> processor,
			ItemWriter<? super O> writer) {
		return this.<I, O>builder(name, reader, processor, writer).build();
	}

	/**
	 * A step that skips every item its processor rejects (a {@link Rejection}) and records it with
	 * {@code recorder}, in the chunk's write; there is no skip limit.
	 */
	<I, O> Step rejecting(String name, ItemReader<? extends I> reader, ItemProcessor<? super I, ? extends O> processor,
			ItemWriter<? super O> writer, RejectRecorder<I, O> recorder) {
		ChunkOrientedStepBuilder<I, O> builder = this.<I, O>builder(name, reader, processor,
				RejectRecorder.before(recorder, writer))
			.skipPolicy((error, skipCount) -> error instanceof Rejection)
			.listener(recorder);
		if (writer instanceof ItemStream stream) {
			// hidden by the wrapper from the builder, which registers a writer that is one
			builder.stream(stream);
		}
		return builder.build();
	}

	private <I, O> ChunkOrientedStepBuilder<I, O> builder(String name, ItemReader<? extends I> reader,
			ItemProcessor<? super I, ? extends O> processor, ItemWriter<? super O> writer) {
		return new StepBuilder(name, this.jobRepository).<I, O>chunk(this.properties.chunkSize())
			.transactionManager(this.transactionManager)
			.reader(reader)
			.processor(processor)
			.writer(writer)
			.faultTolerant()
			.retryPolicy(this.transientErrors.policy())
			.retryListener(this.transientErrors)
			.retryListener(this.metrics)
			.listener(UnknownOutcome.INSTANCE);
	}

}
