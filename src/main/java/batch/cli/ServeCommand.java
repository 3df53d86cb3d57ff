package batch.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code ./batch serve}: the REST trigger and the actuator endpoints, until SIGTERM.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
		description = { "Serve the REST trigger (/api/...) and the actuator endpoints (/actuator/health, "
				+ "/actuator/prometheus) on server.port, every request with the bearer token BATCH_API_TOKEN.",
				"Runs started through it execute in this process; SIGTERM stops them and the server." })
class ServeCommand implements Callable<Integer> {

	@Spec
	private CommandSpec spec;

	private final SpringContext spring;

	ServeCommand(SpringContext spring) {
		this.spring = spring;
	}

	@Override
	public Integer call() throws InterruptedException {
		this.spring.startWebServer();
		this.spec.commandLine().getOut().println("serving on port " + this.spring.webServerPort());
		this.spec.commandLine().getOut().flush();
		this.spring.awaitShutdownRequest();
		return ExitCodes.COMPLETED;
	}

}
