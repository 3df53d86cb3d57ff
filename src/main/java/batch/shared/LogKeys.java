package batch.shared;

/**
 * The keys of the logging context (SLF4J's MDC) that say whose a log line is: the threads that run
 * a run's steps and partitions set them, locally and on remote workers.
 */
public final class LogKeys {

	/** The job execution id. */
	public static final String EXECUTION = "execution";

	/** The step or partition. */
	public static final String STEP = "step";

	private LogKeys() {
	}

}
