package batch.operations;

import batch.shared.LogKeys;

import org.slf4j.MDC;

import org.springframework.batch.core.job.AbstractJob;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.AbstractStep;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Puts the run's execution id and the step (or partition) into the logging context (SLF4J's MDC)
 * of the threads that run them, so that every log line of a run says whose it is: in the console
 * pattern as {@code [execution 12 calculateIllustrationsWorker:partition1]}, and as fields of
 * structured (JSON) logs. Local partition threads take the context of the run that made them; a
 * remote worker sets it for each partition it takes.
 */
@Component
public class RunLogContext implements BeanPostProcessor {

	private static final JobExecutionListener JOBS = new JobExecutionListener() {

		@Override
		public void beforeJob(JobExecution execution) {
			MDC.put(LogKeys.EXECUTION, String.valueOf(execution.getId()));
		}

		@Override
		public void afterJob(JobExecution execution) {
			MDC.remove(LogKeys.EXECUTION);
			MDC.remove(LogKeys.STEP);
		}

	};

	// Left in place after the step: the listeners that end it log after this one's afterStep; the
	// next step replaces it, and the run's end clears it.
	private static final StepExecutionListener STEPS = new StepExecutionListener() {

		@Override
		public void beforeStep(StepExecution step) {
			MDC.put(LogKeys.EXECUTION, String.valueOf(step.getJobExecutionId()));
			MDC.put(LogKeys.STEP, step.getStepName());
		}

	};

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof AbstractJob job) {
			job.registerJobExecutionListener(JOBS);
		}
		if (bean instanceof AbstractStep step) {
			step.registerStepExecutionListener(STEPS);
		}
		return bean;
	}

}
