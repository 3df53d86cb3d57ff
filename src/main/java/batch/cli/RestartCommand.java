package batch.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ./batch restart <executionId>}: continue a failed or stopped run where it stopped.
 */
@Command(name = "restart", mixinStandardHelpOptions = true,
		description = "Restart a FAILED or STOPPED run (or one left UNKNOWN when the database was lost): completed "
				+ "steps and partitions are skipped, the others resume after their last committed chunk.")
class RestartCommand implements Callable<Integer> {

	@Parameters(index = "0", paramLabel = "<executionId>", converter = ExecutionIdConverter.class)
	private long executionId;

	@Spec
	private CommandSpec spec;

	private final SpringContext spring;

	RestartCommand(SpringContext spring) {
		this.spring = spring;
	}

	@Override
	public Integer call() {
		return this.spring.bean(JobRunner.class)
			.restart(this.executionId, this.spec.commandLine().getOut(), this.spec.commandLine().getErr());
	}

}
