package batch.shared;

/**
 * The innermost cause of an error, as messages show it: the database's or the file system's
 * reason, not a framework's wrapper around it.
 */
public final class RootCause {

	private RootCause() {
	}

	/** The first line of the innermost cause's message, or its class's simple name without one. */
	public static String message(Throwable error) {
		Throwable root = error;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = (root.getMessage() != null) ? root.getMessage() : root.getClass().getSimpleName();
		return message.lines().findFirst().orElse(message);
	}

}
