package batch.job;

import java.util.List;

import batch.domain.illustration.PolicyFields;
import batch.reader.CsvFile;

import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersValidator;

/**
 * The parameters of illustrationJob and their checks: names and values at every launch and
 * restart; the input file and export directory before a new run, so that a bad file or directory
 * stops it before anything is written, with a message that says what to fix.
 */
public final class IllustrationJobParameters implements JobParametersValidator, JobPreflight {

	/** The policies CSV to import and illustrate (identifying); absent: recalculate every policy. */
	public static final String INPUT = "input";

	/** Where to write the three CSV exports (not identifying); absent: no export. */
	public static final String EXPORT_DIR = "exportDir";

	/** A unique id that makes each {@code illustrate} invocation a new run (identifying). */
	public static final String RUN_ID = "run.id";

	@Override
	public String jobName() {
		return "illustrationJob";
	}

	@Override
	public void validate(JobParameters parameters) throws InvalidJobParametersException {
		ParameterChecks.onlyKnownNames(jobName(), parameters, List.of(INPUT, EXPORT_DIR, RUN_ID));
		ParameterChecks.values(parameters);
		for (String name : List.of(INPUT, EXPORT_DIR)) {
			String value = parameters.getString(name);
			if (value != null) {
				ParameterChecks.path(name, value);
			}
		}
	}

	@Override
	public void check(JobParameters parameters) throws InvalidJobParametersException {
		validate(parameters);
		String input = parameters.getString(INPUT);
		if (input != null) {
			ParameterChecks.inputFile(INPUT, new CsvFile(ParameterChecks.path(INPUT, input), PolicyFields.HEADER));
		}
		String exportDir = parameters.getString(EXPORT_DIR);
		if (exportDir != null) {
			ParameterChecks.writableDirectory(EXPORT_DIR, exportDir);
		}
	}

}
