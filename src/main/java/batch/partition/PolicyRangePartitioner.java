package batch.partition;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.partition.PartitionNameProvider;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Splits the policies to calculate into {@code gridSize} contiguous policy_id ranges holding about
 * as many policies each (boundaries at quantiles, not at equal id steps, so sparse ids still
 * balance): the policies of one run's input file, or the whole book. There are always exactly
 * {@code gridSize} partitions, some empty when there are fewer policies, so that a restart finds
 * the same partition names and reuses their saved ranges instead of splitting again.
 */
public class PolicyRangePartitioner implements Partitioner, PartitionNameProvider {

	/** Execution context key of a partition's first policy id, inclusive. */
	public static final String MIN_POLICY_ID = "minPolicyId";

	/** Execution context key of a partition's last policy id, inclusive. */
	public static final String MAX_POLICY_ID = "maxPolicyId";

	private static final String PREFIX = "partition";

	private final JdbcTemplate jdbc;

	private final Long jobInstanceId;

	/**
	 * @param jobInstanceId the run whose input file's policies to split, or null for every policy
	 */
	public PolicyRangePartitioner(JdbcTemplate jdbc, Long jobInstanceId) {
		this.jdbc = jdbc;
		this.jobInstanceId = jobInstanceId;
	}

	@Override
	public Map<String, ExecutionContext> partition(int gridSize) {
		String from = (this.jobInstanceId != null) ? " FROM run_policy WHERE job_instance_id = ?" : " FROM policy";
		Object[] args = (this.jobInstanceId != null) ? new Object[] { this.jobInstanceId } : new Object[0];
		long count = this.jdbc.queryForObject("SELECT COUNT(*)" + from, Long.class, args);
		int size = Math.max(gridSize, 1);
		Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
		long start = (count > 0) ? this.jdbc.queryForObject("SELECT MIN(policy_id)" + from, Long.class, args) : 1;
		long last = (count > 0) ? this.jdbc.queryForObject("SELECT MAX(policy_id)" + from, Long.class, args) : 0;
		for (int i = 0; i < size; i++) {
			long end;
			if (i == size - 1) {
				end = last;
			}
			else {
				long offset = (i + 1) * count / size;
				end = (offset < count && count > 0) ? policyIdAt(from, args, offset) - 1 : start - 1;
			}
			partitions.put(PREFIX + i, range(start, end));
			start = Math.max(start, end + 1);
		}
		return partitions;
	}

	@Override
	public Collection<String> getPartitionNames(int gridSize) {
		List<String> names = new ArrayList<>();
		for (int i = 0; i < Math.max(gridSize, 1); i++) {
			names.add(PREFIX + i);
		}
		return names;
	}

	// The policy id at a position in id order: the first id of the next range.
	private long policyIdAt(String from, Object[] args, long offset) {
		Object[] withOffset = new Object[args.length + 1];
		System.arraycopy(args, 0, withOffset, 0, args.length);
		withOffset[args.length] = offset;
		return this.jdbc.queryForObject("SELECT policy_id" + from + " ORDER BY policy_id LIMIT 1 OFFSET ?", Long.class,
				withOffset);
	}

	private static ExecutionContext range(long min, long max) {
		ExecutionContext context = new ExecutionContext();
		context.putLong(MIN_POLICY_ID, min);
		context.putLong(MAX_POLICY_ID, max);
		return context;
	}

}
