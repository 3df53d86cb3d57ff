package batch.cli;

import java.io.PrintWriter;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import batch.operations.ExecutionReport;
import batch.operations.RunQueries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ./batch executions [<jobName>] [--limit N] [--output json]}: the latest runs, newest
 * first; as JSON, an array of the reports the API returns.
 */
@Command(name = "executions", mixinStandardHelpOptions = true,
		description = "List the latest runs, newest first: of one job, or of all.")
class ExecutionsCommand implements Callable<Integer> {

	private static final String ROW = "%-10s %-16s %-10s %-25s %9s  %s%n";

	@Parameters(index = "0", arity = "0..1", paramLabel = "<jobName>", description = "default: every job")
	private String jobName;

	@Option(names = "--limit", defaultValue = "20", paramLabel = "N", description = "default: ${DEFAULT-VALUE}")
	private int limit;

	@Mixin
	private OutputOption output;

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
		LocalDateTime now = LocalDateTime.now();
		List<ExecutionReport> reports = this.spring.bean(RunQueries.class)
			.executions(this.jobName, this.limit)
			.stream()
			.map((execution) -> ExecutionReport.of(execution, now))
			.toList();
		if (this.output.json()) {
			OutputOption.printJson(this.spring, out, reports);
			return ExitCodes.COMPLETED;
		}
		out.printf(Locale.ROOT, ROW, "execution", "job", "status", "started", "seconds", "identifying parameters");
		for (ExecutionReport report : reports) {
			List<String> parameters = new ArrayList<>();
			for (Map.Entry<String, String> parameter : report.parameters().entrySet()) {
				if (!report.nonIdentifying().contains(parameter.getKey())) {
					parameters.add(parameter.getKey() + "=" + parameter.getValue());
				}
			}
			out.printf(Locale.ROOT, ROW, report.executionId(), report.jobName(), report.status(),
					(report.startTime() != null) ? ExecutionReport.TIME.format(report.startTime()) : "-",
					(report.endTime() != null) ? String.format(Locale.ROOT, "%.1f", report.seconds()) : "-",
					String.join(", ", parameters));
		}
		out.flush();
		return ExitCodes.COMPLETED;
	}

}
