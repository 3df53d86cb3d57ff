package batch.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import batch.domain.cashflow.ObservedMarketData;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run's market data is loaded once for all of its partitions, and the cache keeps only the
 * latest runs.
 */
class RunMarketDataCacheTests {

	private final Map<Long, AtomicInteger> loads = new ConcurrentHashMap<>();

	private final RunMarketDataCache cache = new RunMarketDataCache((run) -> {
		this.loads.computeIfAbsent(run, (key) -> new AtomicInteger()).incrementAndGet();
		return RunMarketData.of(ObservedMarketData.builder().build(), Map.of());
	});

	@Test
	void partitionsStartingTogetherShareOneLoad() throws Exception {
		int partitions = 8;
		CountDownLatch start = new CountDownLatch(1);
		List<Callable<RunMarketData>> asks = new ArrayList<>();
		for (int i = 0; i < partitions; i++) {
			asks.add(() -> {
				start.await();
				return this.cache.of(7);
			});
		}
		ExecutorService threads = Executors.newFixedThreadPool(partitions);
		try {
			List<Future<RunMarketData>> answers = new ArrayList<>();
			for (Callable<RunMarketData> ask : asks) {
				answers.add(threads.submit(ask));
			}
			start.countDown();
			RunMarketData first = answers.get(0).get();
			for (Future<RunMarketData> answer : answers) {
				assertThat(answer.get()).isSameAs(first);
			}
		}
		finally {
			threads.shutdownNow();
		}

		assertThat(this.loads.get(7L)).hasValue(1);
	}

	@Test
	void onlyTheLatestRunsAreKept() {
		RunMarketData seven = this.cache.of(7);
		this.cache.of(8);
		assertThat(this.cache.of(7)).isSameAs(seven);

		this.cache.of(9);
		this.cache.of(10);

		assertThat(this.cache.of(7)).isNotSameAs(seven);
		assertThat(this.loads.get(7L)).hasValue(2);
		assertThat(this.loads.get(8L)).hasValue(1);
	}

}
