package batch.cli;

/**
 * The process exit codes of DESIGN.md, for cron and Kubernetes: 0 only when the run completed.
 */
public final class ExitCodes {

	public static final int COMPLETED = 0;

	public static final int FAILED = 1;

	/** Bad usage, bad parameters, or an input that cannot be used. */
	public static final int USAGE = 2;

	public static final int ALREADY_RUNNING = 3;

	public static final int STOPPED = 4;

	/** An unknown execution, or one that cannot be restarted. */
	public static final int NOT_RESTARTABLE = 5;

	private ExitCodes() {
	}

}
