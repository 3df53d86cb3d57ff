package batch.operations;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Locale;

import batch.shared.ProcessIdentity;
import batch.shared.StepKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.AbstractStep;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * One log line at the end of every step and partition: status, time, counts and rate. Counts
 * only: nothing an item holds is logged. Each step and partition also records in its execution
 * context the process that runs it ({@link StepKeys#HOST}, {@link StepKeys#PID}), which for a remote partition is
 * the worker's.
 */
@Component
class StepEndLogging implements BeanPostProcessor {

	private static final Logger logger = LoggerFactory.getLogger("batch.steps");

	private static final StepExecutionListener LISTENER = new StepExecutionListener() {

		@Override
		public void beforeStep(StepExecution step) {
			step.getExecutionContext().putString(StepKeys.HOST, ProcessIdentity.current().host());
			step.getExecutionContext().putLong(StepKeys.PID, ProcessIdentity.current().pid());
		}

		@Override
		public ExitStatus afterStep(StepExecution step) {
			LocalDateTime start = step.getStartTime();
			double seconds = (start != null) ? Duration.between(start, LocalDateTime.now()).toMillis() / 1000.0 : 0;
			// an export reads nothing: its rate is of the rows it wrote
			long done = step.getExecutionContext().getLong(StepKeys.DONE_ITEMS, step.getReadCount());
			logger.info(String.format(Locale.ROOT,
					"step %s %s in %.1f s: read %d, written %d, skipped %d, filtered %d, commits %d, rollbacks %d, "
							+ "%.0f items/s",
					step.getStepName(), step.getStatus(), seconds, step.getReadCount(), step.getWriteCount(),
					step.getSkipCount(), step.getFilterCount(), step.getCommitCount(), step.getRollbackCount(),
					(seconds > 0) ? done / seconds : 0));
			return null;
		}

	};

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof AbstractStep step) {
			step.registerStepExecutionListener(LISTENER);
		}
		return bean;
	}

}
