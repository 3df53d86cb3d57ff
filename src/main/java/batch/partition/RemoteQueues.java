package batch.partition;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The remote queues of this namespace as operators look at them (the console's Workers page):
 * who is listening, which partitions each worker holds and how long since it renewed each lease,
 * and what waits for a worker.
 */
public final class RemoteQueues {

	private final PartitionQueue queue;

	private final RemoteProperties properties;

	private final List<String> jobNames;

	RemoteQueues(PartitionQueue queue, RemoteProperties properties, List<String> jobNames) {
		this.queue = queue;
		this.properties = properties;
		this.jobNames = List.copyOf(jobNames);
	}

	/** The namespace whose queues these are. */
	public String namespace() {
		return this.properties.namespace();
	}

	/** How long a worker holds a partition without renewing its lease before another takes it. */
	public Duration lease() {
		return this.properties.lease();
	}

	/** The jobs whose partitions may be queued. */
	List<String> jobNames() {
		return this.jobNames;
	}

	/** The partitions of a job queued and not taken. */
	long waiting(String jobName) {
		return this.queue.waiting(jobName);
	}

	/** The workers that said within a lease of {@code nowMillis} that they listen. */
	List<PartitionQueue.Worker> listening(long nowMillis) {
		return this.queue.listening(nowMillis - this.properties.lease().toMillis());
	}

	/**
	 * The queues now, as of {@code nowMillis}; Redis must answer.
	 */
	public Snapshot snapshot(long nowMillis) {
		List<PartitionQueue.Worker> workers = listening(nowMillis);
		Map<String, Long> waiting = new LinkedHashMap<>();
		List<PartitionQueue.Held> held = new ArrayList<>();
		for (String jobName : this.jobNames) {
			waiting.put(jobName, waiting(jobName));
			held.addAll(this.queue.holdings(jobName));
		}
		return new Snapshot(workers, held, waiting);
	}

	/**
	 * The queues at one moment.
	 *
	 * @param workers those that said within a lease that they listen, the most recently seen first
	 * @param held the partitions workers hold, whether or not their worker is still listening
	 * @param waiting the partitions queued and not taken, by job
	 */
	public record Snapshot(List<PartitionQueue.Worker> workers, List<PartitionQueue.Held> held,
			Map<String, Long> waiting) {

		/** The partitions a worker's threads ({@code id:n}) hold. */
		public List<PartitionQueue.Held> heldBy(String workerId) {
			return this.held.stream().filter((entry) -> entry.consumer().startsWith(workerId + ":")).toList();
		}

	}

}
