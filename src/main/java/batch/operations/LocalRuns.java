package batch.operations;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import batch.shared.RootCause;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;

/**
 * The runs executing on threads of this process, each with the end of its thread: the outcome is
 * known from it even if the job repository could not record it, the caller can wait for it, and
 * a shutdown can stop them. At most {@link RunLimits#maxConcurrentRuns()} at once. The threads are
 * the {@code jobTaskExecutor} bean's.
 */
@Component
public class LocalRuns {

	private static final Logger logger = LoggerFactory.getLogger(LocalRuns.class);

	private final TaskExecutor threads;

	private final Heartbeats heartbeats;

	private final RunLimits limits;

	private final Map<Long, CompletableFuture<Void>> runs = new ConcurrentHashMap<>();

	// Handed from the task executor to the launch that submitted the task; launches are serialized.
	private CompletableFuture<Void> submitted;

	LocalRuns(TaskExecutor jobTaskExecutor, Heartbeats heartbeats, RunLimits limits) {
		this.threads = jobTaskExecutor;
		this.heartbeats = heartbeats;
		this.limits = limits;
	}

	/** The executor a job operator launches runs on: the run's thread, with its end tracked. */
	TaskExecutor trackingExecutor() {
		return (task) -> {
			CompletableFuture<Void> end = new CompletableFuture<>();
			this.submitted = end;
			this.threads.execute(() -> {
				try {
					task.run();
				}
				finally {
					end.complete(null);
				}
			});
		};
	}

	// One launch at a time, so that the task the operator submits is this launch's.
	synchronized JobExecution launched(Launch launch) throws Exception {
		if (this.runs.size() >= this.limits.maxConcurrentRuns()) {
			throw new OperationRefusedException(Refusal.TOO_MANY_RUNS, "this process already runs "
					+ this.runs.size() + " runs, as many as it may at once (batch.api.max-concurrent-runs): "
					+ "try again when one of them has ended");
		}
		this.submitted = null;
		JobExecution execution = launch.run();
		CompletableFuture<Void> end = this.submitted;
		if (end != null) {
			long id = execution.getId();
			this.runs.put(id, end);
			try {
				this.heartbeats.start(id);
			}
			catch (RuntimeException ex) {
				// the run goes on; without a heartbeat, recover cannot tell that it is alive
				logger.warn("cannot record the heartbeat of execution {}: {}", id, RootCause.message(ex));
			}
			end.whenComplete((done, error) -> {
				this.heartbeats.end(id);
				this.runs.remove(id);
			});
		}
		return execution;
	}

	/** Whether a run executes in this process. */
	boolean contains(long executionId) {
		return this.runs.containsKey(executionId);
	}

	/** Whether runs of this process are executing; a launch under way finishes first. */
	public synchronized boolean any() {
		return !this.runs.isEmpty();
	}

	/** The runs of this process now, after a launch under way has registered its run. */
	synchronized List<Long> ids() {
		return new ArrayList<>(this.runs.keySet());
	}

	/**
	 * Waits for a run of this process to end, up to a timeout.
	 * @return whether it has ended (true, too, for a run that is not this process's)
	 */
	public boolean awaitEnd(long executionId, Duration timeout) throws InterruptedException {
		CompletableFuture<Void> end = this.runs.get(executionId);
		if (end == null) {
			return true;
		}
		try {
			end.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
			return true;
		}
		catch (TimeoutException ex) {
			return false;
		}
		catch (ExecutionException ex) {
			return true;
		}
	}

	/** Waits for these runs to end, up to a deadline for all of them together. */
	boolean awaitAll(List<Long> executionIds, Duration grace) {
		long deadline = System.nanoTime() + grace.toNanos();
		for (Long executionId : executionIds) {
			try {
				if (!awaitEnd(executionId, Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) {
					return false;
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
		return true;
	}

	@FunctionalInterface
	interface Launch {

		JobExecution run() throws Exception;

	}

}
