package batch.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import batch.operations.RunQueries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import org.springframework.batch.core.job.JobExecution;

/**
 * {@code ./batch executions [<jobName>] [--limit N]}: the latest runs, newest first.
 */
@Command(name = "executions", mixinStandardHelpOptions = true,
		description = "List the latest runs, newest first: of one job, or of all.")
class ExecutionsCommand implements Callable<Integer> {

	private static final String ROW = "%-10s %-16s %-10s %-19s %9s  %s%n";

	@Parameters(index = "0", arity = "0..1", paramLabel = "<jobName>", description = "default: every job")
	private String jobName;

	@Option(names = "--limit", defaultValue = "20", paramLabel = "N", description = "default: ${DEFAULT-VALUE}")
	private int limit;

	@Spec
	private CommandSpec spec;

	private final SpringContext spring;

	ExecutionsCommand(SpringContext spring) {
		this.spring = spring;
	}

	@Override
	public Integer call() {
		if (this.limit < 1 || this.limit > 1000) {
			throw new CliException(ExitCodes.USAGE, "--limit must be between 1 and 1000");
		}
		PrintWriter out = this.spec.commandLine().getOut();
		out.printf(Locale.ROOT, ROW, "execution", "job", "status", "started", "seconds", "identifying parameters");
		for (JobExecution execution : this.spring.bean(RunQueries.class).executions(this.jobName, this.limit)) {
			List<String> parameters = new ArrayList<>();
			for (var parameter : execution.getJobParameters()) {
				if (parameter.identifying()) {
					parameters.add(parameter.name() + "=" + parameter.value());
				}
			}
			String seconds = (execution.getStartTime() != null && execution.getEndTime() != null)
					? String.format(Locale.ROOT, "%.1f",
							Duration.between(execution.getStartTime(), execution.getEndTime()).toMillis() / 1000.0)
					: "-";
			out.printf(Locale.ROOT, ROW, execution.getId(), execution.getJobInstance().getJobName(),
					execution.getStatus(),
					(execution.getStartTime() != null) ? execution.getStartTime().withNano(0).toString() : "-", seconds,
					String.join(", ", parameters));
		}
		out.flush();
		return ExitCodes.COMPLETED;
	}

}
