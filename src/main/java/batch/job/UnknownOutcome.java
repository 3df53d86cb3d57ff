package batch.job;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * Marks FAILED, and so restartable, the chunk steps and the runs that Spring Batch left UNKNOWN:
 * a step whose chunk transaction ended with an unknown outcome, as when the connection to the
 * database is lost during the write, its rollback or its commit, or whose state could not be saved
 * at its end; and the run of such a step.
 * <p>
 * Spring Batch cannot know in general whether such a step's data and its recorded position agree,
 * and refuses to restart it. In these jobs they agree, or differ harmlessly: a chunk's rows and
 * the step's position (its execution context and counts) are written in the one chunk transaction,
 * and every write is an upsert on the row's key. Either the chunk committed with its position, or
 * neither did; when the commit took effect but its answer was lost, the step's position is saved
 * from before the chunk, and the restart writes the same rows again. Where the database is still
 * out of reach when the run ends, the UNKNOWN that stays recorded is settled by
 * {@code JobControl.restart} on the same grounds.
 */
final class UnknownOutcome implements StepExecutionListener, JobExecutionListener {

	static final UnknownOutcome INSTANCE = new UnknownOutcome();

	private static final String DESCRIPTION = "the database connection was lost while a chunk was written or committed;"
			+ " a chunk's rows and its step's position commit together, so a restart resumes it";

	private static final Logger logger = LoggerFactory.getLogger("batch.steps");

	private UnknownOutcome() {
	}

	@Override
	public ExitStatus afterStep(StepExecution step) {
		if (step.getStatus() != BatchStatus.UNKNOWN) {
			return null;
		}
		logger.warn("step {} FAILED: {}", step.getStepName(), DESCRIPTION);
		// its exit code stays UNKNOWN: a step's exit status only ever rises to the more severe
		step.setStatus(BatchStatus.FAILED);
		return null;
	}

	@Override
	public void afterJob(JobExecution execution) {
		if (execution.getStatus() == BatchStatus.UNKNOWN) {
			execution.setStatus(BatchStatus.FAILED);
			execution.setExitStatus(ExitStatus.FAILED.addExitDescription(DESCRIPTION));
		}
	}

}
