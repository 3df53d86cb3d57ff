package batch.cli;

/**
 * A failure the user can act on: its message is printed as one line, without a stack trace, and
 * the process exits with its code.
 */
class CliException extends RuntimeException {

	private final int exitCode;

	CliException(int exitCode, String message) {
		super(message, null, false, false);
		this.exitCode = exitCode;
	}

	int exitCode() {
		return this.exitCode;
	}

}
