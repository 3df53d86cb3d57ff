package batch.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;

/**
 * The checks the jobs' parameters share.
 */
final class ParameterChecks {

	private ParameterChecks() {
	}

	/** Refuses a parameter the job does not take, naming those it does. */
	static void onlyKnownNames(String jobName, JobParameters parameters, List<String> names)
			throws InvalidJobParametersException {
		for (var parameter : parameters) {
			if (!names.contains(parameter.name())) {
				throw new InvalidJobParametersException(jobName + " has no parameter '" + parameter.name()
						+ "': it takes " + String.join(", ", names));
			}
		}
	}

	/** A parameter's value as a path: neither blank nor malformed. */
	static Path path(String name, String value) throws InvalidJobParametersException {
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
	static void writableDirectory(String name, String value) throws InvalidJobParametersException {
		Path directory = path(name, value);
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
