package batch.operations;

/**
 * Why an operation on a job or run was refused: each kind is one exit code of the command line
 * and one HTTP status of the API.
 */
public enum Refusal {

	/** Bad parameters or an input that cannot be used. */
	BAD_REQUEST,

	/** No job of that name. */
	NO_SUCH_JOB,

	/** No execution of that id. */
	NO_SUCH_EXECUTION,

	/** The run is running (or its process may still be alive). */
	RUNNING,

	/** The run is in a state the operation does not apply to. */
	WRONG_STATE,

	/** A file of a run to restart is not the one the run read, or now leads elsewhere. */
	INPUT_CHANGED,

	/** This process runs as many runs as it may at once. */
	TOO_MANY_RUNS,

	/** A service the run needs (Redis, for remote partitioning) cannot be reached. */
	UNAVAILABLE

}
