package batch.writer;

import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.core.retry.RetryListener;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.Retryable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The application's own metrics, counted when the chunk that wrote them commits (a chunk rolled
 * back and retried is counted once): policies illustrated, contracts projected, result rows
 * upserted by table, and rejects by source and reason code. A write retried in its transaction is
 * counted for its last attempt only.
 */
@Component
public class WriteMetrics implements RetryListener {

	private final MeterRegistry registry;

	private final Counter illustrated;

	private final Counter projected;

	public WriteMetrics(MeterRegistry registry) {
		this.registry = registry;
		this.illustrated = Counter.builder("batch.policies.illustrated")
			.description("Policies whose illustration was written")
			.register(registry);
		this.projected = Counter.builder("batch.contracts.projected")
			.description("Contracts whose cash flows and value were written")
			.register(registry);
	}

	void illustrated(long policies) {
		afterCommit(this.illustrated, policies);
	}

	void projected(long contracts) {
		afterCommit(this.projected, contracts);
	}

	void upserted(String table, long rows) {
		afterCommit(Counter.builder("batch.rows.upserted")
			.description("Result rows upserted")
			.tag("table", table)
			.register(this.registry), rows);
	}

	void rejected(String source, String reasonCode) {
		afterCommit(Counter.builder("batch.rejects")
			.description("Rows rejected, by input and reason code")
			.tag("source", source)
			.tag("reason", reasonCode)
			.register(this.registry), 1);
	}

	private void afterCommit(Counter counter, double amount) {
		if (amount <= 0) {
			return;
		}
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			counter.increment(amount);
			return;
		}
		uncommitted().merge(counter, amount, Double::sum);
	}

	/**
	 * A write about to be retried counts again what it writes: what its failed attempt counted is
	 * dropped, so that a chunk committed after a retry is counted once.
	 */
	@Override
	public void beforeRetry(RetryPolicy retryPolicy, Retryable<?> retryable) {
		if (TransactionSynchronizationManager.getResource(this) instanceof Map<?, ?> uncommitted) {
			uncommitted.clear();
		}
	}

	// what the current transaction has counted, added to the counters when it commits
	@SuppressWarnings("unchecked")
	private Map<Counter, Double> uncommitted() {
		Map<Counter, Double> uncommitted = (Map<Counter, Double>) TransactionSynchronizationManager.getResource(this);
		if (uncommitted == null) {
			Map<Counter, Double> counts = new LinkedHashMap<>();
			TransactionSynchronizationManager.bindResource(this, counts);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCommit() {
					counts.forEach(Counter::increment);
				}

				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(WriteMetrics.this);
				}

			});
			uncommitted = counts;
		}
		return uncommitted;
	}

}
