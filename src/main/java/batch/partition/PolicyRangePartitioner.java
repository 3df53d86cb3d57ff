package batch.partition;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Splits the policies to calculate into contiguous policy_id ranges holding about as many
 * policies each (boundaries at quantiles, not at equal id steps, so sparse ids still balance).
 * Either the policies one run imported, or the whole book.
 */
public class PolicyRangePartitioner implements Partitioner {

	/** Execution context key of a partition's first policy id, inclusive. */
	public static final String MIN_POLICY_ID = "minPolicyId";

	/** Execution context key of a partition's last policy id, inclusive. */
	public static final String MAX_POLICY_ID = "maxPolicyId";

	private static final String OF_IMPORT = " WHERE import_instance_id = ?";

	private final JdbcTemplate jdbc;

	private final Long importInstanceId;

	/**
	 * @param importInstanceId the job instance whose imported policies to split, or null for
	 * every policy
	 */
	public PolicyRangePartitioner(JdbcTemplate jdbc, Long importInstanceId) {
		this.jdbc = jdbc;
		this.importInstanceId = importInstanceId;
	}

	@Override
	public Map<String, ExecutionContext> partition(int gridSize) {
		String filter = (this.importInstanceId != null) ? OF_IMPORT : "";
		Object[] args = (this.importInstanceId != null) ? new Object[] { this.importInstanceId } : new Object[0];
		long count = this.jdbc.queryForObject("SELECT COUNT(*) FROM policy" + filter, Long.class, args);
		Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
		if (count == 0) {
			partitions.put("partition0", range(1, 0));
			return partitions;
		}
		int size = (int) Math.min(Math.max(gridSize, 1), count);
		long first = this.jdbc.queryForObject("SELECT MIN(policy_id) FROM policy" + filter, Long.class, args);
		long last = this.jdbc.queryForObject("SELECT MAX(policy_id) FROM policy" + filter, Long.class, args);
		long start = first;
		for (int i = 1; i < size; i++) {
			long boundary = boundary(filter, args, i * count / size);
			partitions.put("partition" + (i - 1), range(start, boundary - 1));
			start = boundary;
		}
		partitions.put("partition" + (size - 1), range(start, last));
		return partitions;
	}

	// The policy id at a given position in id order: the first id of the next range.
	private long boundary(String filter, Object[] args, long offset) {
		Object[] withOffset = new Object[args.length + 1];
		System.arraycopy(args, 0, withOffset, 0, args.length);
		withOffset[args.length] = offset;
		return this.jdbc.queryForObject(
				"SELECT policy_id FROM policy" + filter + " ORDER BY policy_id LIMIT 1 OFFSET ?", Long.class, withOffset);
	}

	private static ExecutionContext range(long min, long max) {
		ExecutionContext context = new ExecutionContext();
		context.putLong(MIN_POLICY_ID, min);
		context.putLong(MAX_POLICY_ID, max);
		return context;
	}

}
