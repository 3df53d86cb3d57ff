package batch.job;

import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;

/**
 * What a run of a job needs from the outside world (its input files readable and well formed,
 * its export directory writable), checked before the run is created or restarted, so that a bad
 * file stops it before anything is written.
 */
public interface JobPreflight {

	String jobName();

	/** Checks the parameters and files of a new run. */
	void check(JobParameters parameters) throws InvalidJobParametersException;

	/**
	 * Checks the parameters and files of a run to restart, which must be usable as at its start;
	 * a rule only new runs follow (a parameter asked for since) may be left out.
	 */
	default void checkRestart(JobParameters parameters) throws InvalidJobParametersException {
		check(parameters);
	}

}
