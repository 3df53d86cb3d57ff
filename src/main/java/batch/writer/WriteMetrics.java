package batch.writer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The application's own metrics, counted when the chunk that wrote them commits (a chunk rolled
 * back and retried is counted once): policies illustrated, contracts projected, result rows
 * upserted by table, and rejects by source and reason code.
 */
@Component
public class WriteMetrics {

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

	private static void afterCommit(Counter counter, double amount) {
		if (amount <= 0) {
			return;
		}
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			counter.increment(amount);
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCommit() {
				counter.increment(amount);
			}

		});
	}

}
