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

	/** The policies CSV to import and illustrate (identifying); absent: {@link #SCOPE} must say book. */
	public static final String INPUT = "input";

	/**
	 * {@code book}: recalculate every policy already imported, with no input (identifying). Asked
	 * for by name, so that a request that forgot its input does not recalculate the whole book.
	 */
	public static final String SCOPE = "scope";

	/** The one value of {@link #SCOPE}. */
	public static final String BOOK = "book";

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
		ParameterChecks.onlyKnownNames(jobName(), parameters, List.of(INPUT, SCOPE, EXPORT_DIR, RUN_ID));
		ParameterChecks.values(parameters);
		String scope = parameters.getString(SCOPE);
		if (scope != null && !scope.equals(BOOK)) {
			throw new InvalidJobParametersException(SCOPE + " may only be '" + BOOK + "' (recalculate every policy), not '"
					+ ParameterChecks.shown(scope) + "'");
		}
		if (scope != null && parameters.getString(INPUT) != null) {
			throw new InvalidJobParametersException(SCOPE + "=" + BOOK + " recalculates every policy and " + INPUT
					+ " imports a file: give one of them");
		}
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
		if (parameters.getString(INPUT) == null && parameters.getString(SCOPE) == null) {
			throw new InvalidJobParametersException(jobName() + " needs " + INPUT + "=<policies.csv> to import and "
					+ "illustrate a file, or " + SCOPE + "=" + BOOK + " to recalculate every policy already imported");
		}
		checkFiles(parameters);
	}

	// A run of the whole book started before scope existed has neither: it restarts as it was.
	@Override
	public void checkRestart(JobParameters parameters) throws InvalidJobParametersException {
		validate(parameters);
		checkFiles(parameters);
	}

	private static void checkFiles(JobParameters parameters) throws InvalidJobParametersException {
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
