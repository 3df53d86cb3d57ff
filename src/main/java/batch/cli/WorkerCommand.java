package batch.cli;

import java.util.Map;
import java.util.concurrent.Callable;

import batch.shared.ProcessIdentity;
import batch.partition.PartitionWorker;
import batch.partition.Partitioning;
import batch.shared.RootCause;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import org.springframework.dao.DataAccessException;

/**
 * {@code ./batch worker}: a remote partition worker, until SIGTERM.
 */
@Command(name = "worker", mixinStandardHelpOptions = true,
		description = { "Run as a remote partition worker: take partitions of the jobs from Redis "
				+ "(spring.data.redis.*, namespace batch.remote.namespace) and run them, batch.remote.worker-threads "
				+ "at once, on the shared database. Serves /actuator/health and /actuator/prometheus on server.port "
				+ "with the bearer token BATCH_API_TOKEN.",
				"SIGTERM stops taking partitions and lets those running finish for batch.remote.drain-timeout; "
						+ "any still running then are left to other workers, which resume them (exit 4)." })
class WorkerCommand implements Callable<Integer> {

	@Spec
	private CommandSpec spec;

	private final SpringContext spring;

	WorkerCommand(SpringContext spring) {
		this.spring = spring;
	}

	@Override
	public Integer call() throws InterruptedException {
		// a worker runs partitions: it launches no runs through the API
		this.spring.defaults(Map.of(Partitioning.PROPERTY, "remote", "batch.api.enabled", "false"));
		this.spring.startWebServer();
		PartitionWorker worker = this.spring.bean(PartitionWorker.class);
		try {
			worker.start();
		}
		catch (DataAccessException ex) {
			throw new CliException(ExitCodes.FAILED, "cannot start the worker: Redis cannot be reached (start it, or "
					+ "check SPRING_DATA_REDIS_HOST and _PORT): " + RootCause.message(ex));
		}
		this.spec.commandLine().getOut().println("worker " + ProcessIdentity.current() + ", metrics on port "
				+ this.spring.webServerPort());
		this.spec.commandLine().getOut().flush();
		this.spring.awaitShutdownRequest();
		if (!worker.stop()) {
			this.spec.commandLine().getErr().println("partitions still running after batch.remote.drain-timeout are "
					+ "left to other workers, which resume them from their last chunk");
			this.spec.commandLine().getErr().flush();
			// as if the process had died: the leases lapse, and nothing this process would write now counts
			Runtime.getRuntime().halt(ExitCodes.STOPPED);
		}
		return ExitCodes.COMPLETED;
	}

}
