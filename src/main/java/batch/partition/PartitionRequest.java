package batch.partition;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A partition to run, as the manager sends it to the workers: the partition's step execution
 * when it was sent (a worker that takes the partition over from a dead one runs a successor), in
 * which job execution, and the worker step's name.
 *
 * @param takeover whether the manager sends it again for a partition that a worker started and
 * has stopped showing signs of life while its own request is gone from Redis
 */
record PartitionRequest(long jobExecutionId, long stepExecutionId, String workerStep, String partition,
		boolean takeover) {

	PartitionRequest(long jobExecutionId, long stepExecutionId, String workerStep, String partition) {
		this(jobExecutionId, stepExecutionId, workerStep, partition, false);
	}

	Map<String, String> fields() {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("jobExecutionId", Long.toString(this.jobExecutionId));
		fields.put("stepExecutionId", Long.toString(this.stepExecutionId));
		fields.put("workerStep", this.workerStep);
		fields.put("partition", this.partition);
		if (this.takeover) {
			fields.put("takeover", "true");
		}
		return fields;
	}

	/** The request these fields describe; null if they are not one (a foreign or corrupt entry). */
	static PartitionRequest of(Map<?, ?> fields) {
		try {
			return new PartitionRequest(Long.parseLong(String.valueOf(fields.get("jobExecutionId"))),
					Long.parseLong(String.valueOf(fields.get("stepExecutionId"))),
					require(fields.get("workerStep")), require(fields.get("partition")),
					"true".equals(String.valueOf(fields.get("takeover"))));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static String require(Object value) {
		if (value == null) {
			throw new IllegalArgumentException("missing field");
		}
		return value.toString();
	}

}
