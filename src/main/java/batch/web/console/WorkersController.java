package batch.web.console;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import batch.partition.PartitionQueue;
import batch.partition.RemoteQueues;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The remote workers of this server's namespace: who is listening, which partitions each holds
 * and how long since it renewed each lease, and what waits for a worker. In local partitioning
 * the page says that the server's own threads run the partitions.
 */
@Controller
@ConditionalOnWebApplication
class WorkersController {

	private final ObjectProvider<RemoteQueues> queues;

	private final ConsoleFormat format;

	WorkersController(ObjectProvider<RemoteQueues> queues, ConsoleFormat format) {
		this.queues = queues;
		this.format = format;
	}

	@GetMapping("/workers")
	String workers(Model model) {
		RemoteQueues queues = this.queues.getIfAvailable();
		model.addAttribute("remote", queues != null);
		if (queues != null) {
			model.addAttribute("namespace", queues.namespace());
			model.addAttribute("lease", this.format.duration(queues.lease()));
			long now = System.currentTimeMillis();
			try {
				RemoteQueues.Snapshot snapshot = queues.snapshot(now);
				model.addAttribute("workers", snapshot.workers()
					.stream()
					.map((worker) -> new WorkerRow(worker, this.format.duration(Duration.ofMillis(now - worker.lastSeenMillis())),
							snapshot.heldBy(worker.id())))
					.toList());
				model.addAttribute("held", snapshot.held());
				model.addAttribute("waiting", snapshot.waiting());
			}
			catch (DataAccessException ex) {
				model.addAttribute("unreachable", "Redis is out of reach: " + ex.getMostSpecificCause().getMessage());
			}
		}
		model.addAttribute("format", this.format);
		return "console/workers";
	}

	/**
	 * A worker as the page lists it.
	 *
	 * @param lastSeen how long ago it last said that it listens
	 */
	public record WorkerRow(PartitionQueue.Worker worker, String lastSeen, List<PartitionQueue.Held> held) {

		public String started() {
			String started = this.worker.details().get("started");
			if (started == null) {
				return "–";
			}
			try {
				return OffsetDateTime.parse(started).toString().replace('T', ' ');
			}
			catch (RuntimeException ex) {
				return started;
			}
		}

	}

}
