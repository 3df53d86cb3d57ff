package batch.shared;

/**
 * The keys of what steps and partitions record in their execution contexts, for the steps that
 * write them and the reports that read them.
 */
public final class StepKeys {

	/** A partition's first key, inclusive. */
	public static final String MIN_KEY = "minKey";

	/** A partition's last key, inclusive. */
	public static final String MAX_KEY = "maxKey";

	/**
	 * The number of items a step expects to read, where it is known in advance or can be estimated:
	 * a partition's rows, an input file's records. For progress reports.
	 */
	public static final String EXPECTED_ITEMS = "expectedItems";

	/**
	 * The number of items a step that reads none (an export, which writes rows) has done so far in
	 * its execution, recorded as it goes. For progress reports.
	 */
	public static final String DONE_ITEMS = "doneItems";

	/**
	 * The column names of the header of a step's input file, as its reader checked them: a list
	 * of strings, for the processor and reject records of the same step.
	 */
	public static final String HEADER = "batch.input.header";

	/** The host of the process that ran a step or partition. */
	public static final String HOST = "batch.host";

	/** The id of the process that ran a step or partition. */
	public static final String PID = "batch.pid";

	/**
	 * What a remote manager step says while its partitions wait for workers that do not come
	 * ("no worker has taken a partition for 2 minutes (0 listening)"); removed once one is taken.
	 */
	public static final String REMOTE_WARNING = "batch.remote.warning";

	private StepKeys() {
	}

}
