package batch.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The engine of two builds side by side in one JVM ({@code bench/engine-compare REV}): each build's
 * classes in a class loader of their own, the same contracts as {@link EngineBenchmark}, measured
 * in turn (A B A B ...) on the thread's CPU time, so that the machine's drift and other tenants
 * move both alike. Prints, per contract type, the median of the paired ratios.
 */
public final class EngineComparison {

	private static final int ROUNDS = 10;

	private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

	private EngineComparison() {
	}

	/** @param args the baseline's classes and test classes, then this build's, then the seconds */
	public static void main(String[] args) throws Exception {
		double seconds = (args.length > 4) ? Double.parseDouble(args[4]) : 1.5;
		System.out.printf(Locale.ROOT, "engine, this build against %s, %d paired rounds of %.1f s (thread CPU time)%n",
				args[0], ROUNDS, seconds);
		System.out.printf(Locale.ROOT, "%-14s %14s %14s %12s %18s%n", "contracts", "baseline /s", "this /s",
				"this/base", "range of ratios");
		for (String type : BenchmarkContracts.LENDING) {
			Build baseline = new Build(args[0], args[1], type);
			Build current = new Build(args[2], args[3], type);
			baseline.measure(seconds);
			current.measure(seconds);
			List<Double> ratios = new ArrayList<>();
			List<Double> base = new ArrayList<>();
			List<Double> mine = new ArrayList<>();
			for (int round = 0; round < ROUNDS; round++) {
				double b = baseline.measure(seconds);
				double c = current.measure(seconds);
				base.add(b);
				mine.add(c);
				ratios.add(c / b);
			}
			System.out.printf(Locale.ROOT, "%-14s %14.0f %14.0f %12.3f %8.3f to %.3f%n", type, median(base), median(mine),
					median(ratios), Collections.min(ratios), Collections.max(ratios));
		}
	}

	private static double median(List<Double> values) {
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		int middle = sorted.size() / 2;
		return (sorted.size() % 2 == 1) ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
	}

	// One build's engine over EngineBenchmark's contracts of a type, called by reflection.
	private static final class Build {

		private final Object[] contracts;

		private final Object market;

		private final Object engine;

		private final Method project;

		private final Method size;

		Build(String classes, String testClasses, String type) throws Exception {
			ClassLoader loader = new URLClassLoader(new URL[] { Path.of(classes).toUri().toURL(),
					Path.of(testClasses).toUri().toURL() }, EngineComparison.class.getClassLoader().getParent());
			Method contractsOf = loader.loadClass("batch.bench.BenchmarkContracts").getDeclaredMethod("lending",
					String.class);
			contractsOf.setAccessible(true);
			this.contracts = (Object[]) contractsOf.invoke(null, type);
			Class<?> marketData = loader.loadClass("batch.domain.cashflow.MarketData");
			this.market = Proxy.newProxyInstance(loader, new Class<?>[] { marketData },
					(proxy, method, arguments) -> 0.03);
			Class<?> engineClass = loader.loadClass("batch.domain.cashflow.CashFlowEngine");
			this.engine = engineClass.getConstructor().newInstance();
			this.project = engineClass.getMethod("project", loader.loadClass("batch.domain.cashflow.ContractTerms"),
					marketData);
			this.size = loader.loadClass("batch.domain.cashflow.CashFlowProjection").getMethod("size");
		}

		// contracts a CPU second
		double measure(double seconds) throws Exception {
			long calls = 0;
			long sink = 0;
			long end = System.nanoTime() + (long) (seconds * 1e9);
			long start = THREADS.getCurrentThreadCpuTime();
			do {
				for (int i = 0; i < 64; i++) {
					Object projection = this.project.invoke(this.engine, this.contracts[(int) ((calls + i) % this.contracts.length)],
							this.market);
					sink += (int) this.size.invoke(projection);
				}
				calls += 64;
			}
			while (System.nanoTime() < end);
			long used = THREADS.getCurrentThreadCpuTime() - start;
			if (sink == 42) {
				System.out.print("");
			}
			return calls / (used / 1e9);
		}

	}

}
