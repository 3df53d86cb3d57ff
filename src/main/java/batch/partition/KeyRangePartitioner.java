package batch.partition;

import batch.shared.StepKeys;

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
 * Splits the rows to calculate into {@code gridSize} contiguous key ranges holding about as many
 * rows each (boundaries at quantiles, not at equal key steps, so sparse keys still balance): the
 * policies or contracts of one run, or the whole book. There are always exactly {@code gridSize}
 * partitions, some empty when there are fewer rows, so that a restart finds the same partition
 * names and reuses their saved ranges instead of splitting again.
 */
public class KeyRangePartitioner implements Partitioner, PartitionNameProvider {

	private static final String PREFIX = "partition";

	private final JdbcTemplate jdbc;

	private final String key;

	private final String from;

	private final Object[] args;

	/**
	 * @param key the numeric key column
	 * @param from the rows, as {@code FROM ... [WHERE ...]} with {@code ?} parameters; a constant
	 * @param args the values of the parameters
	 */
	public KeyRangePartitioner(JdbcTemplate jdbc, String key, String from, Object... args) {
		this.jdbc = jdbc;
		this.key = key;
		this.from = " " + from;
		this.args = args.clone();
	}

	/** The policies of a run's input file, or with no run, every policy. */
	public static KeyRangePartitioner policies(JdbcTemplate jdbc, Long jobInstanceId) {
		return (jobInstanceId != null)
				? new KeyRangePartitioner(jdbc, "policy_id", "FROM run_policy WHERE job_instance_id = ?", jobInstanceId)
				: new KeyRangePartitioner(jdbc, "policy_id", "FROM policy");
	}

	/** The contracts of a run, by line number. */
	public static KeyRangePartitioner contracts(JdbcTemplate jdbc, long jobInstanceId) {
		return new KeyRangePartitioner(jdbc, "line_number", "FROM run_contract WHERE job_instance_id = ?",
				jobInstanceId);
	}

	@Override
	public Map<String, ExecutionContext> partition(int gridSize) {
		long count = this.jdbc.queryForObject("SELECT COUNT(*)" + this.from, Long.class, this.args);
		int size = Math.max(gridSize, 1);
		Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
		long start = (count > 0) ? this.jdbc.queryForObject("SELECT MIN(" + this.key + ")" + this.from, Long.class,
				this.args) : 1;
		long last = (count > 0) ? this.jdbc.queryForObject("SELECT MAX(" + this.key + ")" + this.from, Long.class,
				this.args) : 0;
		long first = 0;
		for (int i = 0; i < size; i++) {
			long end;
			long next = (i == size - 1) ? count : (i + 1) * count / size;
			if (i == size - 1) {
				end = last;
			}
			else {
				end = (next < count && count > 0) ? keyAt(next) - 1 : start - 1;
			}
			ExecutionContext range = range(start, end);
			range.putLong(StepKeys.EXPECTED_ITEMS, next - first);
			partitions.put(PREFIX + i, range);
			start = Math.max(start, end + 1);
			first = next;
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

	// The key at a position in key order: the first key of the next range.
	private long keyAt(long offset) {
		Object[] withOffset = new Object[this.args.length + 1];
		System.arraycopy(this.args, 0, withOffset, 0, this.args.length);
		withOffset[this.args.length] = offset;
		return this.jdbc.queryForObject(
				"SELECT " + this.key + this.from + " ORDER BY " + this.key + " LIMIT 1 OFFSET ?", Long.class, withOffset);
	}

	private static ExecutionContext range(long min, long max) {
		ExecutionContext context = new ExecutionContext();
		context.putLong(StepKeys.MIN_KEY, min);
		context.putLong(StepKeys.MAX_KEY, max);
		return context;
	}

}
