package batch.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import batch.operations.ExecutionReport;
import batch.operations.RejectQueries;
import batch.operations.RejectQueries.RejectedRow;
import batch.operations.RunQueries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ./batch rejects <executionId> [--reason CODE] [--limit N] [--output json]}: the rows a run
 * rejected, counted by reason code, then listed in file and line order, with the console's queries.
 * Each row shows its id (a policy or contract id) and the rule it broke, never its personal data.
 */
@Command(name = "rejects", mixinStandardHelpOptions = true,
		description = "List the rows a run rejected (of every execution of the run): the count of each reason, "
				+ "then the rows, in file and line order, with their id, reason code and message.")
class RejectsCommand implements Callable<Integer> {

	private static final String COUNT = "  %-32s %8d%n";

	private static final String ROW = "%-12s %8s  %-24s %-28s %s%n";

	@Parameters(index = "0", paramLabel = "<executionId>", description = "any execution of the run",
			converter = ExecutionIdConverter.class)
	private long executionId;

	@Option(names = "--reason", paramLabel = "CODE", description = "only the rows of this reason code")
	private String reason;

	@Option(names = "--limit", defaultValue = "50", paramLabel = "N",
			description = "rows to list, 1 to 10000; default: ${DEFAULT-VALUE}")
	private int limit;

	@Mixin
	private OutputOption output;

	@Spec
	private CommandSpec spec;

	private final SpringContext spring;

	RejectsCommand(SpringContext spring) {
		this.spring = spring;
	}

	/**
	 * What {@code --output json} prints.
	 *
	 * @param total the rows the run rejected, of every reason
	 * @param byReason the rows of each reason code, most first
	 * @param reason the reason code asked for, or null for every one
	 * @param rows the rows listed, at most the limit
	 * @param more whether there are more rows (of that reason) than listed
	 */
	record Rejects(long executionId, long instanceId, String jobName, long total, Map<String, Long> byReason,
			String reason, int limit, List<RejectedRow> rows, boolean more) {
	}

	@Override
	public Integer call() {
		if (this.limit < 1 || this.limit > 10_000) {
			throw new CliException(ExitCodes.USAGE, "--limit must be between 1 and 10000");
		}
		String code = (this.reason == null || this.reason.isBlank()) ? null : this.reason.strip();
		ExecutionReport run = this.spring.bean(RunQueries.class).report(this.executionId);
		RejectQueries queries = this.spring.bean(RejectQueries.class);
		Map<String, Long> counts = queries.countsByReason(run.instanceId());
		List<RejectedRow> rows = queries.rows(run.instanceId(), code, this.limit + 1, 0);
		Rejects rejects = new Rejects(run.executionId(), run.instanceId(), run.jobName(),
				counts.values().stream().mapToLong(Long::longValue).sum(), counts, code, this.limit,
				rows.subList(0, Math.min(rows.size(), this.limit)), rows.size() > this.limit);
		PrintWriter out = this.spec.commandLine().getOut();
		if (this.output.json()) {
			OutputOption.printJson(this.spring, out, rejects);
		}
		else {
			print(rejects, out);
		}
		return ExitCodes.COMPLETED;
	}

	static void print(Rejects rejects, PrintWriter out) {
		out.printf(Locale.ROOT, "execution %d of %s: %d rejected rows%n", rejects.executionId(), rejects.jobName(),
				rejects.total());
		if (rejects.total() == 0) {
			out.flush();
			return;
		}
		for (Map.Entry<String, Long> count : rejects.byReason().entrySet()) {
			out.printf(Locale.ROOT, COUNT, count.getKey(), count.getValue());
		}
		out.println();
		out.printf(Locale.ROOT, ROW, "source", "line", "id", "reason", "message");
		for (RejectedRow row : rejects.rows()) {
			out.printf(Locale.ROOT, ROW, row.source(), row.line(), row.id().isEmpty() ? "-" : BatchCli.oneLine(row.id()), row.reason(),
					BatchCli.oneLine(row.message()));
		}
		if (rejects.rows().isEmpty()) {
			out.println("(no rows of reason " + BatchCli.oneLine(rejects.reason()) + ")");
		}
		else if (rejects.more()) {
			out.printf(Locale.ROOT, "(the first %d; --limit N shows more)%n", rejects.rows().size());
		}
		out.flush();
	}

}
