package batch.writer;

import java.time.Duration;

import batch.shared.StepKeys;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How far a step that runs as one long tasklet is, recorded in its execution context as it goes
 * ({@link StepKeys#EXPECTED_ITEMS}, {@link StepKeys#DONE_ITEMS}), for {@code status}, the progress
 * bar and the API. The step's own transaction commits only at its end, so the context is saved in
 * a transaction of its own, at most once an interval.
 */
final class StepProgress {

	/** Once a second, as often as a terminal's progress bar is redrawn. */
	static final Duration EVERY = Duration.ofSeconds(1);

	private final JobRepository jobRepository;

	private final TransactionTemplate ownTransaction;

	private final long everyNanos;

	private StepExecution step;

	private long savedAt;

	/**
	 * @param every the least time between two saves
	 */
	StepProgress(JobRepository jobRepository, PlatformTransactionManager transactionManager, Duration every) {
		this.jobRepository = jobRepository;
		this.ownTransaction = new TransactionTemplate(transactionManager);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.everyNanos = every.toNanos();
	}

	/** Starts recording the progress of a step's execution: the items it expects, saved now. */
	void start(StepExecution step, long expected) {
		this.step = step;
		step.getExecutionContext().putLong(StepKeys.EXPECTED_ITEMS, expected);
		step.getExecutionContext().putLong(StepKeys.DONE_ITEMS, 0);
		save();
	}

	/** The items done so far; saved if the interval has passed since the last save. */
	void done(long items) {
		if (this.step == null) {
			return;
		}
		this.step.getExecutionContext().putLong(StepKeys.DONE_ITEMS, items);
		if (System.nanoTime() - this.savedAt >= this.everyNanos) {
			save();
		}
	}

	/** The items done in the end, which the step's own commit saves. */
	void finish(long items) {
		if (this.step != null) {
			this.step.getExecutionContext().putLong(StepKeys.DONE_ITEMS, items);
			this.step.getExecutionContext().putLong(StepKeys.EXPECTED_ITEMS, items);
		}
	}

	private void save() {
		this.ownTransaction.executeWithoutResult((status) -> this.jobRepository.updateExecutionContext(this.step));
		this.savedAt = System.nanoTime();
	}

}
