package batch.operations;



/**
 * A service a run needs besides the database, checked before a run is started or restarted, so
 * that a run that could not proceed is not half-started: it throws an
 * {@link OperationRefusedException} ({@link Refusal#UNAVAILABLE}) that says what to fix.
 */
interface LaunchCheck {

	void check(String jobName);

}
