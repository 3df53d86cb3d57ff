package batch.partition;

import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Where the partitions of a calculation step run: on threads of this process (local, the default)
 * or on remote workers fed through Redis ({@code batch.partitioning=remote}). Both run the same
 * worker step beans, so that the two modes cannot drift apart.
 */
public final class Partitioning {

	/** The setting that chooses the mode ({@link PartitioningProperties}). */
	public static final String PROPERTY = "batch.partitioning";

	private final boolean remote;

	private final PartitionProperties properties;

	private final JobRepository jobRepository;

	private final ObjectProvider<PartitionQueue> queue;

	private final RemoteProperties remoteProperties;

	Partitioning(Mode mode, PartitionProperties properties, JobRepository jobRepository,
			ObjectProvider<PartitionQueue> queue, RemoteProperties remoteProperties) {
		this.remote = mode == Mode.REMOTE;
		this.properties = properties;
		this.jobRepository = jobRepository;
		this.queue = queue;
		this.remoteProperties = remoteProperties;
	}

	/** The handler of a manager step that runs {@code worker} on each partition. */
	public PartitionHandler handler(Step worker) {
		int gridSize = this.properties.effectiveGridSize();
		if (this.remote) {
			return new RemotePartitionHandler(this.jobRepository, this.queue.getObject(), this.remoteProperties,
					worker.getName(), gridSize);
		}
		return new RunPartitionHandler(worker, gridSize, this.properties.effectiveThreads());
	}

	/** Where partitions run: {@code local} or {@code remote} as a setting. */
	enum Mode {

		LOCAL, REMOTE

	}

}
