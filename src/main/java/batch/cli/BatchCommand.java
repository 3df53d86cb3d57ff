package batch.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code ./batch}: the top of the command line.
 */
@Command(name = "batch", mixinStandardHelpOptions = true, version = "batch 0.1.0",
		description = "Partitioned batch calculations: benefit illustrations and ACTUS cash flows.%n"
				+ "Configure with environment variables (SPRING_DATASOURCE_URL, ...) or --spring.* arguments.",
		subcommands = { IllustrateCommand.class, CashFlowCommand.class, LaunchCommand.class, RestartCommand.class,
				StopCommand.class, RecoverCommand.class, StatusCommand.class, ExecutionsCommand.class, RejectsCommand.class,
				PurgeCommand.class, ServeCommand.class, WorkerCommand.class, GenerateCommand.class,
				ActusCommand.class, LookupCommand.class, CompletionCommand.class },
		footer = { "", "Exit codes: 0 completed; 1 failed; 2 bad usage or unreadable input; "
				+ "3 already running; 4 stopped; 5 unknown or not restartable execution." })
class BatchCommand implements Runnable {

	@Spec
	private CommandSpec spec;

	@Override
	public void run() {
		this.spec.commandLine().usage(this.spec.commandLine().getOut());
	}

}
