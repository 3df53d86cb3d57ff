package batch.cli;

import java.util.concurrent.Callable;

import batch.operations.RunInterventions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import org.springframework.batch.core.job.JobExecution;

/**
 * {@code ./batch recover <executionId> [--force]}: mark a run whose process died as failed.
 */
@Command(name = "recover", mixinStandardHelpOptions = true,
		description = { "Mark a run whose process died (kill -9, a lost node) as FAILED, with its running steps, "
				+ "so that restart can finish it.",
				"Refused while the run's process may still be alive: on this host if it exists, on another "
						+ "if it beat within the last three heartbeat intervals." })
class RecoverCommand implements Callable<Integer> {

	@Parameters(index = "0", paramLabel = "<executionId>", converter = ExecutionIdConverter.class)
	private long executionId;

	@Option(names = "--force", description = "recover even though the run's process may be alive")
	private boolean force;

	@Spec
	private CommandSpec spec;

	private final SpringContext spring;

	RecoverCommand(SpringContext spring) {
		this.spring = spring;
	}

	@Override
	public Integer call() {
		JobExecution execution = this.spring.bean(RunInterventions.class).recover(this.executionId, this.force);
		this.spec.commandLine()
			.getOut()
			.println("execution " + this.executionId + " is " + execution.getStatus() + ": restart it with ./batch restart "
					+ this.executionId);
		return ExitCodes.COMPLETED;
	}

}
