package batch.job;

import java.sql.SQLException;
import java.util.Locale;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryListener;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryState;
import org.springframework.core.retry.Retryable;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * The database errors a chunk survives by trying again: a deadlock, whose loser InnoDB rolls back,
 * and a lock wait timeout. The chunk's write is repeated, after a backoff, in the same
 * transaction; every statement of it is an upsert, so a repeat after a partial attempt writes the
 * same rows. Each retry and each give-up is logged and counted in {@code batch.transient.errors};
 * a give-up, and any other error, fails the step, which a restart resumes from its last commit.
 */
@Component
class TransientErrors implements RetryListener {

	private static final Logger logger = LoggerFactory.getLogger("batch.retry");

	/** MySQL and MariaDB: the transaction was chosen as a deadlock's victim and rolled back. */
	private static final int DEADLOCK = 1213;

	/** MySQL and MariaDB: innodb_lock_wait_timeout passed; only the statement was rolled back. */
	private static final int LOCK_WAIT_TIMEOUT = 1205;

	/** H2: a lock not granted in time. */
	private static final int H2_LOCK_TIMEOUT = 50200;

	private final MeterRegistry registry;

	private final RetryProperties properties;

	private final RetryPolicy policy;

	TransientErrors(MeterRegistry registry, RetryProperties properties) {
		this.registry = registry;
		this.properties = properties;
		this.policy = RetryPolicy.builder()
			.predicate((error) -> kind(error) != null)
			.maxRetries(properties.maxRetries())
			.delay(properties.delay())
			.multiplier(properties.multiplier())
			.maxDelay(properties.maxDelay())
			.jitter(properties.jitter())
			.build();
	}

	RetryPolicy policy() {
		return this.policy;
	}

	/**
	 * What kind of transient error {@code error} is ({@code deadlock}, {@code lock_wait_timeout},
	 * {@code lock_conflict}), or {@code null} when it is not one.
	 */
	static String kind(Throwable error) {
		boolean rollback = false;
		boolean lockFailure = false;
		for (Throwable cause = error; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof SQLException sql) {
				if (sql.getErrorCode() == DEADLOCK) {
					return "deadlock";
				}
				if (sql.getErrorCode() == LOCK_WAIT_TIMEOUT || sql.getErrorCode() == H2_LOCK_TIMEOUT) {
					return "lock_wait_timeout";
				}
				// Connector/J gives both codes above this state; H2 gives it to a deadlock
				rollback |= "40001".equals(sql.getSQLState());
			}
			lockFailure |= cause instanceof PessimisticLockingFailureException;
		}
		return rollback ? "deadlock" : lockFailure ? "lock_conflict" : null;
	}

	@Override
	public void beforeRetry(RetryPolicy retryPolicy, Retryable<?> retryable, RetryState state) {
		String kind = kind(state.getLastException());
		count(kind, "retried");
		logger.warn(String.format(Locale.ROOT, "%s: %s in %s, retry %d of %d", stepName(), kind,
				operation(retryable), state.getRetryCount(), this.properties.maxRetries()));
	}

	@Override
	public void onRetryPolicyExhaustion(RetryPolicy retryPolicy, Retryable<?> retryable, RetryException exception) {
		String kind = kind(exception.getCause());
		if (kind == null) {
			// not transient: the step's skip policy decides, as it would have without retries
			return;
		}
		count(kind, "exhausted");
		logger.error(String.format(Locale.ROOT, "%s: %s in %s after %d retries: the chunk is rolled back and the step fails; "
				+ "restart the run to resume from its last commit", stepName(), kind, operation(retryable),
				exception.getRetryCount()));
	}

	private void count(String kind, String outcome) {
		Counter.builder("batch.transient.errors")
			.description("Transient database errors met by chunks, by kind, and whether the chunk was retried "
					+ "or the step failed")
			.tag("step", stepName().replaceFirst(":.*", ""))
			.tag("error", kind)
			.tag("outcome", outcome)
			.register(this.registry)
			.increment();
	}

	private static String stepName() {
		StepContext context = StepSynchronizationManager.getContext();
		return (context != null) ? context.getStepName() : "unknown step";
	}

	private static String operation(Retryable<?> retryable) {
		// Spring Batch names them "Retryable write operation" and so on
		return retryable.getName().replaceFirst("^Retryable ", "").replaceFirst(" operation$", "");
	}

}
