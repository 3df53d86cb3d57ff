package batch.job;

import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;

/**
 * What a new run of a job needs from the outside world (its input file readable and well formed,
 * its export directory writable), checked before the run is created, so that a bad file stops it
 * before anything is written. A restart does not check again: the steps that need the file say
 * so themselves, and a run whose import completed restarts even if the file has been moved.
 */
public interface JobPreflight {

	String jobName();

	void check(JobParameters parameters) throws InvalidJobParametersException;

}
