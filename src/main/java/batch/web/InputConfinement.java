package batch.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import batch.operations.LaunchParameters;
import batch.operations.OperationRefusedException;
import batch.operations.Refusal;

/**
 * Keeps the files an API request names inside one directory: each path parameter is resolved
 * against it, and refused if it (or, for an existing file, the file a link leads to) lies outside.
 */
final class InputConfinement {

	private final Path directory;

	InputConfinement(Path directory) {
		try {
			this.directory = directory.toAbsolutePath().normalize().toRealPath();
		}
		catch (IOException ex) {
			throw new IllegalStateException("batch.api.input-directory " + directory + " does not exist", ex);
		}
	}

	/** The directory, absolute and through any links. */
	Path directory() {
		return this.directory;
	}

	/** The parameters with every path made absolute inside the directory. */
	Map<String, String> confine(Map<String, String> parameters) {
		Map<String, String> confined = new LinkedHashMap<>(parameters);
		for (String name : LaunchParameters.PATHS) {
			String value = parameters.get(name);
			if (value != null) {
				confined.put(name, inside(name, value).toString());
			}
		}
		return confined;
	}

	private Path inside(String name, String value) {
		if (value.isBlank()) {
			// resolved, it would be the directory itself: an export written among the inputs
			throw refused(name + " is empty: give a path");
		}
		Path path;
		try {
			path = this.directory.resolve(value).normalize();
		}
		catch (InvalidPathException ex) {
			throw refused(name + " is not a valid path: " + ex.getReason());
		}
		if (!path.startsWith(this.directory)) {
			throw refused(name + " must be inside " + this.directory);
		}
		// the file, or the nearest directory of a file still to be written, through any links
		Path existing = path;
		while (existing != null && !Files.exists(existing)) {
			existing = existing.getParent();
		}
		try {
			if (existing == null || !existing.toRealPath().startsWith(this.directory)) {
				throw refused(name + " leads outside " + this.directory);
			}
		}
		catch (IOException ex) {
			throw refused(name + " cannot be read: " + ex.getMessage());
		}
		return path;
	}

	private static OperationRefusedException refused(String message) {
		return new OperationRefusedException(Refusal.BAD_REQUEST, message);
	}

}
