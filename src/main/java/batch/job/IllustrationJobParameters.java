package batch.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.InvalidPathException;

import batch.domain.illustration.PolicyFields;
import batch.reader.CsvFile;
import batch.reader.InputFileException;

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
		for (var parameter : parameters) {
			String name = parameter.name();
			if (!name.equals(INPUT) && !name.equals(EXPORT_DIR) && !name.equals(RUN_ID)) {
				throw new InvalidJobParametersException("illustrationJob has no parameter '" + name
						+ "': it takes " + INPUT + ", " + EXPORT_DIR + " and " + RUN_ID);
			}
		}
		for (String name : new String[] { INPUT, EXPORT_DIR }) {
			String value = parameters.getString(name);
			if (value != null) {
				path(name, value);
			}
		}
	}

	@Override
	public void check(JobParameters parameters) throws InvalidJobParametersException {
		validate(parameters);
		String input = parameters.getString(INPUT);
		if (input != null) {
			try {
				new CsvFile(path(INPUT, input), PolicyFields.HEADER).check();
			}
			catch (InputFileException ex) {
				throw new InvalidJobParametersException(ex.getMessage());
			}
		}
		String exportDir = parameters.getString(EXPORT_DIR);
		if (exportDir != null) {
			checkWritableDirectory(path(EXPORT_DIR, exportDir), EXPORT_DIR);
		}
	}

	private static Path path(String name, String value) throws InvalidJobParametersException {
		if (value.isBlank()) {
			throw new InvalidJobParametersException(name + " is empty: give a path");
		}
		try {
			return Path.of(value);
		}
		catch (InvalidPathException ex) {
			throw new InvalidJobParametersException(name + " is not a valid path: " + ex.getReason());
		}
	}

	// Created here, before anything else is written, so that a directory that cannot be made
	// or written stops the run at once, not after the calculation.
	static void checkWritableDirectory(Path directory, String name) throws InvalidJobParametersException {
		if (Files.exists(directory) && !Files.isDirectory(directory)) {
			throw new InvalidJobParametersException(name + " " + directory + " is a file, not a directory");
		}
		try {
			Files.createDirectories(directory);
			Path probe = Files.createTempFile(directory, ".write-check", ".tmp");
			Files.delete(probe);
		}
		catch (IOException | UnsupportedOperationException ex) {
			throw new InvalidJobParametersException(name + " " + directory + " cannot be written: " + ex.getMessage());
		}
	}

}
