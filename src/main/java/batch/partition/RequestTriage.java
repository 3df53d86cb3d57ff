package batch.partition;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

/**
 * Decides what a worker does with an entry it has taken from a stream, from the entry and what the
 * job repository says of its partition: a pure function, so that every case can be tested alone.
 * <p>
 * It needs no clock: whether a lease has lapsed is Redis's to say, as the entry's idle time, when
 * a worker claims it ({@link PartitionQueue#reclaim}); a claimed entry carries its previous owner.
 */
final class RequestTriage {

	private final int maxDeliveries;

	/** @param maxDeliveries how many workers may take a partition before it is failed */
	RequestTriage(int maxDeliveries) {
		this.maxDeliveries = maxDeliveries;
	}

	Decision decide(PartitionQueue.Delivery delivery, PartitionState state) {
		PartitionRequest request = delivery.request();
		if (request == null) {
			return new Decision.Discard("unknown", "it is not a partition request");
		}
		if (state.run() == null) {
			return new Decision.Discard("stale", "there is no such run");
		}
		// a stopped run is STOPPING, or STOPPED at once if Spring Batch's own stop stopped it
		boolean stopping = state.run() == BatchStatus.STOPPING || state.run() == BatchStatus.STOPPED;
		if (!state.run().isRunning() && !stopping) {
			return new Decision.Discard("stale", "its run is " + state.run());
		}
		if (state.partition() == null || !state.partition().isRunning()) {
			return new Decision.Discard("ended", "the partition has ended "
					+ ((state.partition() != null) ? state.partition() : "(no such execution)"));
		}
		// a worker that claims an entry, or gets one the manager sent again, takes over from a
		// worker that stopped renewing its lease
		boolean takeover = delivery.previousOwner() != null || request.takeover();
		boolean started = state.partition() != BatchStatus.STARTING;
		if (started && !takeover) {
			return new Decision.Discard("duplicate", "the partition is running already, under a live lease");
		}
		if (stopping) {
			return new Decision.Stop(started ? "its worker died as the run was stopping"
					: "the run was stopped before a worker started it");
		}
		if (delivery.deliveries() > this.maxDeliveries && state.commits() == 0) {
			// workers took it again and again and died before committing a chunk
			return new Decision.Abandon(delivery.deliveries() - 1);
		}
		String owner = (delivery.previousOwner() != null) ? delivery.previousOwner() : "its worker";
		if (started) {
			return new Decision.TakeOver(owner);
		}
		return takeover ? new Decision.RunUnstarted(owner) : new Decision.Run();
	}

	/**
	 * What the job repository says of a request's partition.
	 *
	 * @param run the status of the request's run; null if there is no such run
	 * @param partition the status of the partition's latest execution; null if it has none
	 * @param commits the chunks that execution has committed
	 */
	record PartitionState(BatchStatus run, BatchStatus partition, long commits) {

		static PartitionState of(JobExecution job, StepExecution latest) {
			return new PartitionState((job != null) ? job.getStatus() : null,
					(latest != null) ? latest.getStatus() : null, (latest != null) ? latest.getCommitCount() : 0);
		}

	}

	/** What a worker does with an entry it has taken. */
	sealed interface Decision {

		/**
		 * Nothing to run: the entry is acknowledged and removed, with a log line.
		 * @param reason the metric's tag
		 * @param why the log line's reason
		 */
		record Discard(String reason, String why) implements Decision {

		}

		/** The run is stopping: the partition, which no worker runs, is ended STOPPED and discarded. */
		record Stop(String description) implements Decision {

			Discard discard() {
				return new Discard("stopped", "its run is stopping");
			}

		}

		/** Workers took it and died, each before committing a chunk: it is failed and discarded. */
		record Abandon(long takers) implements Decision {

			String description() {
				return "abandoned: " + this.takers
						+ " workers took it and died before committing a chunk (does it kill its workers?)";
			}

			Discard discard() {
				return new Discard("abandoned", "it has been taken " + this.takers + " times");
			}

		}

		/** A partition nobody has started, from the manager: run it. */
		record Run() implements Decision {

		}

		/** A partition that {@code owner} took and died before starting: run it as it is. */
		record RunUnstarted(String owner) implements Decision {

		}

		/** A partition {@code owner} started and stopped renewing: run a successor of its execution. */
		record TakeOver(String owner) implements Decision {

		}

	}

}
