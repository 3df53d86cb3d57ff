package batch.reader;

/**
 * An input file that cannot be used at all: missing, unreadable, empty, or with the wrong header.
 * Its message says what to fix.
 */
public class InputFileException extends RuntimeException {

	public InputFileException(String message) {
		super(message);
	}

	public InputFileException(String message, Throwable cause) {
		super(message, cause);
	}

}
