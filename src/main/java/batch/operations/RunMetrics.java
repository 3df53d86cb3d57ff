package batch.operations;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.AbstractJob;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.item.ChunkOrientedStep;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The run-level meters that the dashboard and the alerts of jobs/observability read, for every job
 * and chunk-oriented step of this process: {@code batch_runs_total{job,status}} when a run ends,
 * {@code batch_runs_running{job}} while it runs here, and {@code batch_items_written_total{job,step}}
 * when a chunk commits, so that a run's progress shows while it goes on (Spring Batch's own timers
 * record a step only when it ends). The step of a partition is its worker step's name without the
 * partition ({@code calculateIllustrationsWorker}, for {@code calculateIllustrationsWorker:partition0}),
 * as in {@code batch_transient_errors_total}: locally and on remote workers alike.
 */
@Component
class RunMetrics implements BeanPostProcessor {

	// counted from the start, at 0, so that the first failure is an increase an alert sees
	private static final BatchStatus[] ENDS = { BatchStatus.COMPLETED, BatchStatus.FAILED, BatchStatus.STOPPED };

	private final ObjectProvider<MeterRegistry> registry;

	private final Map<String, AtomicInteger> running = new ConcurrentHashMap<>();

	// a provider: a BeanPostProcessor that took the registry itself would make it be created early,
	// before its own post-processors (Boot's binders) are registered
	RunMetrics(ObjectProvider<MeterRegistry> registry) {
		this.registry = registry;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof AbstractJob job) {
			String name = job.getName();
			AtomicInteger runs = this.running.computeIfAbsent(name, (key) -> new AtomicInteger());
			Gauge.builder("batch.runs.running", runs, AtomicInteger::get)
				.description("runs of the job running in this process")
				.tag("job", name)
				.register(meters());
			for (BatchStatus status : ENDS) {
				ended(name, status);
			}
			job.registerJobExecutionListener(new RunListener(runs));
		}
		if (bean instanceof ChunkOrientedStep<?, ?> step) {
			step.registerChunkListener(new ChunkWritten<>());
		}
		return bean;
	}

	private MeterRegistry meters() {
		return this.registry.getObject();
	}

	private Counter ended(String job, BatchStatus status) {
		return Counter.builder("batch.runs")
			.description("runs ended in this process, by job and final status")
			.tag("job", job)
			.tag("status", status.name())
			.register(meters());
	}

	private final class RunListener implements JobExecutionListener {

		private final AtomicInteger runs;

		RunListener(AtomicInteger runs) {
			this.runs = runs;
		}

		@Override
		public void beforeJob(JobExecution execution) {
			this.runs.incrementAndGet();
		}

		@Override
		public void afterJob(JobExecution execution) {
			this.runs.decrementAndGet();
			ended(execution.getJobInstance().getJobName(), execution.getStatus()).increment();
		}

	}

	private final class ChunkWritten<I, O> implements ChunkListener<I, O> {

		// called inside the chunk's transaction, after its write: counted when that commits, so
		// that a chunk rolled back (and written again by its retry or restart) is counted once
		@Override
		public void afterChunk(Chunk<O> chunk) {
			StepContext context = StepSynchronizationManager.getContext();
			if (chunk.isEmpty() || context == null) {
				return;
			}
			Counter written = Counter.builder("batch.items.written")
				.description("items written by committed chunks, by job and step (partitions together)")
				.tag("job", context.getJobName())
				.tag("step", context.getStepName().replaceFirst(":.*", ""))
				.register(meters());
			int items = chunk.size();
			if (!TransactionSynchronizationManager.isSynchronizationActive()) {
				written.increment(items);
				return;
			}
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCommit() {
					written.increment(items);
				}

			});
		}

	}

}
