package batch.processor;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * The market data of the runs this process projects, loaded once per run (job instance) and shared
 * by all of its partitions: the local threads of a manager, or the partitions a remote worker
 * takes. A run's market data does not change once its import steps have completed, which they
 * have before any partition projects, so an entry never goes stale.
 */
final class RunMarketDataCache {

	// Written here rather than taken from a cache library: Spring's cache abstraction bounds a
	// store only through a provider such as Caffeine, and all this needs is the last few runs, so
	// that a process serving many runs (serve, a worker) does not hold them all.
	private static final int RUNS = 2;

	private final LongFunction<RunMarketData> loader;

	private final Map<Long, RunMarketData> runs = new LinkedHashMap<>(4, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<Long, RunMarketData> eldest) {
			return size() > RUNS;
		}

	};

	RunMarketDataCache(LongFunction<RunMarketData> loader) {
		this.loader = loader;
	}

	/** The run's market data: loaded by the first partition that asks, while the others wait. */
	synchronized RunMarketData of(long jobInstanceId) {
		return this.runs.computeIfAbsent(jobInstanceId, this.loader::apply);
	}

}
