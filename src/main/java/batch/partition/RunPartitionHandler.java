package batch.partition;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.FutureTask;

import org.slf4j.MDC;

import org.springframework.batch.core.partition.support.TaskExecutorPartitionHandler;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Runs the partitions of one manager step execution on a pool of threads of its own, made for
 * that run and shut down at its end: two runs in one process ({@code serve}) never share one, so a
 * small run is not queued behind a whole book. Spring Batch's handler takes one executor for every
 * run; this one keeps its task creation and gives each call its pool. The threads carry the
 * submitting thread's logging context (the execution id), so that their log lines say whose they
 * are.
 */
final class RunPartitionHandler extends TaskExecutorPartitionHandler {

	private final int threads;

	RunPartitionHandler(Step worker, int gridSize, int threads) {
		setStep(worker);
		setGridSize(gridSize);
		this.threads = threads;
	}

	@Override
	protected Set<StepExecution> doHandle(StepExecution manager, Set<StepExecution> partitions) throws Exception {
		ThreadPoolTaskExecutor pool = pool(manager);
		try {
			List<FutureTask<StepExecution>> tasks = new ArrayList<>();
			for (StepExecution partition : partitions) {
				FutureTask<StepExecution> task = createTask(getStep(), partition);
				pool.execute(task);
				tasks.add(task);
			}
			Set<StepExecution> results = new HashSet<>();
			for (FutureTask<StepExecution> task : tasks) {
				results.add(task.get());
			}
			return results;
		}
		finally {
			pool.shutdown();
		}
	}

	private ThreadPoolTaskExecutor pool(StepExecution manager) {
		ThreadPoolTaskExecutor pool = new ThreadPoolTaskExecutor();
		pool.setCorePoolSize(this.threads);
		pool.setMaxPoolSize(this.threads);
		pool.setThreadNamePrefix("partition-" + manager.getJobExecutionId() + "-");
		pool.setTaskDecorator((task) -> {
			Map<String, String> context = MDC.getCopyOfContextMap();
			return () -> {
				if (context != null) {
					MDC.setContextMap(context);
				}
				try {
					task.run();
				}
				finally {
					MDC.clear();
				}
			};
		});
		pool.initialize();
		return pool;
	}

}
