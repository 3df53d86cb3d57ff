package batch.job;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import batch.reader.CsvFile;
import batch.reader.InputFileException;

import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;

/**
 * The checks the jobs' parameters share.
 */
final class ParameterChecks {

	/**
	 * The longest value the job repository stores: Spring Batch's {@code PARAMETER_VALUE} is a
	 * VARCHAR(2500). A longer one would fail after the job instance is created, leaving an instance
	 * without an execution that every later launch would take for a run under way.
	 */
	static final int LONGEST_VALUE = 2500;

	private static final int SHOWN = 60;

	private ParameterChecks() {
	}

	/** Refuses a parameter the job does not take, naming those it does. */
	static void onlyKnownNames(String jobName, JobParameters parameters, List<String> names)
			throws InvalidJobParametersException {
		for (var parameter : parameters) {
			if (!names.contains(parameter.name())) {
				throw new InvalidJobParametersException(jobName + " has no parameter '" + shown(parameter.name())
						+ "': it takes " + String.join(", ", names));
			}
		}
	}

	/**
	 * Refuses a text value that is empty or blank (it would mean nothing, or this directory), that
	 * holds a character that is not printable (see {@link #unprintable}), or that is longer than the
	 * job repository stores.
	 */
	static void values(JobParameters parameters) throws InvalidJobParametersException {
		for (var parameter : parameters) {
			if (parameter.value() instanceof String value) {
				String name = parameter.name();
				if (value.isBlank()) {
					throw new InvalidJobParametersException(name + " is empty: give a value");
				}
				if (value.length() > LONGEST_VALUE) {
					throw new InvalidJobParametersException(name + " is " + value.length()
							+ " characters long: at most " + LONGEST_VALUE + " are stored");
				}
				if (value.codePoints().anyMatch(ParameterChecks::unprintable)) {
					throw new InvalidJobParametersException(name + " holds a character that is not printable"
							+ " (a control, format or bidirectional character, such as a line break or U+202E): '"
							+ shown(value) + "'");
				}
			}
		}
	}

	/**
	 * Whether a character has no place in a parameter: a control character (a line break in a file
	 * name or run id is a mistake or an attack, and would break the one-line messages and logs that
	 * show it); a format character, among them the invisible ones (U+200B to U+200D, U+FEFF) and
	 * the bidirectional controls (U+200E, U+200F, U+202A to U+202E, U+2066 to U+2069), which make
	 * a value look like another on a screen or in a log (a file name that reads {@code
	 * policies.csv} but is not); a line or paragraph separator; a surrogate on its own; a private
	 * use or unassigned code point, which shows as nothing anyone can read back. Letters, marks
	 * and symbols of every script pass.
	 */
	static boolean unprintable(int c) {
		return switch (Character.getType(c)) {
			case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
					Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED ->
				true;
			default -> false;
		};
	}

	/** A value the user gave, to show in a message: unprintable characters escaped, and shortened. */
	static String shown(String value) {
		StringBuilder shown = new StringBuilder();
		value.codePoints().limit(SHOWN).forEach((c) -> {
			if (unprintable(c)) {
				shown.append(String.format(Locale.ROOT, Character.isBmpCodePoint(c) ? "\\u%04x" : "\\U%08x", c));
			}
			else {
				shown.appendCodePoint(c);
			}
		});
		return (value.codePointCount(0, value.length()) > SHOWN) ? shown + "..." : shown.toString();
	}

	/** Checks an input file, naming the parameter that gave it in the message. */
	static void inputFile(String name, CsvFile file) throws InvalidJobParametersException {
		try {
			file.check();
		}
		catch (InputFileException ex) {
			throw new InvalidJobParametersException(name + " " + ex.getMessage());
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
			throw new InvalidJobParametersException(name + " " + directory + " cannot be written: " + reason(ex));
		}
	}

	// what the file system said, in words: its exceptions' messages are only the file's name
	private static String reason(Exception ex) {
		if (ex instanceof FileAlreadyExistsException || ex instanceof NotDirectoryException) {
			return ex.getMessage() + " is not a directory";
		}
		if (ex instanceof AccessDeniedException) {
			return "permission denied on " + ex.getMessage();
		}
		return String.valueOf(ex.getMessage());
	}

}
