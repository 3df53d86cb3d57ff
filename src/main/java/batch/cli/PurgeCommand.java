package batch.cli;

import java.io.PrintWriter;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import batch.operations.ExecutionReport;
import batch.operations.MetadataPurge;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./batch purge --older-than 30d [--include-restartable] [--dry-run]}: delete old job
 * metadata, never results. The first line of its output is the summary scripts read
 * ({@code deleted|would delete <n> runs (<m> executions) that ended more than <age> ago...}); a dry
 * run then lists each execution it would delete, one a line: id, job, status, end.
 */
@Command(name = "purge", mixinStandardHelpOptions = true,
		description = { "Delete the job metadata (instances, executions, steps, contexts, parameters) of runs "
				+ "that ended before the given age, through Spring Batch's job repository.",
				"Results, rejects and the runs' staged input are never deleted. A purged run can no longer be "
						+ "restarted: runs that still can (their last execution FAILED, STOPPED or UNKNOWN) are kept "
						+ "unless --include-restartable is given; runs still marked running are kept." })
class PurgeCommand implements Callable<Integer> {

	private static final Pattern AGE = Pattern.compile("(\\d+)([wdhm])");

	private static final String ROW = "  %-10s %-16s %-10s %s%n";

	@Option(names = "--older-than", required = true, paramLabel = "AGE",
			description = "e.g. 30d, 12w, 36h (w weeks, d days, h hours, m minutes)")
	private String olderThan;

	@Option(names = "--include-restartable",
			description = "also delete old runs that could still be restarted (FAILED, STOPPED, UNKNOWN)")
	private boolean includeRestartable;

	@Option(names = "--dry-run", description = "only say what would be deleted, and list its executions")
	private boolean dryRun;

	@Spec
	private CommandSpec spec;

	private final SpringContext spring;

	PurgeCommand(SpringContext spring) {
		this.spring = spring;
	}

	@Override
	public Integer call() {
		Duration age = age(this.olderThan);
		MetadataPurge.PurgeReport report = this.spring.bean(MetadataPurge.class)
			.purge(LocalDateTime.now().minus(age), this.includeRestartable, this.dryRun);
		PrintWriter out = this.spec.commandLine().getOut();
		out.println(summary(report, this.olderThan, this.dryRun));
		if (this.dryRun) {
			for (MetadataPurge.PurgedExecution execution : report.purged()) {
				out.printf(Locale.ROOT, ROW, execution.id(), execution.jobName(), execution.status(),
						(execution.endTime() != null)
								? ExecutionReport.TIME.format(execution.endTime().atZone(ZoneId.systemDefault())) : "-");
			}
		}
		out.flush();
		return ExitCodes.COMPLETED;
	}

	static String summary(MetadataPurge.PurgeReport report, String olderThan, boolean dryRun) {
		StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s %d runs (%d executions) that ended more "
				+ "than %s ago", dryRun ? "would delete" : "deleted", report.instances(), report.executions(), olderThan));
		if (report.keptRunning() > 0) {
			line.append("; kept ").append(report.keptRunning()).append(" still marked running (recover them first)");
		}
		if (report.keptRestartable() > 0) {
			line.append("; kept ")
				.append(report.keptRestartable())
				.append(" that can still be restarted (--include-restartable deletes them)");
		}
		return line.toString();
	}

	static Duration age(String text) {
		Matcher matcher = AGE.matcher(text.strip());
		if (!matcher.matches()) {
			throw new CliException(ExitCodes.USAGE, "--older-than must be a number and a unit, e.g. 30d: w weeks, "
					+ "d days, h hours, m minutes");
		}
		Duration age;
		try {
			long amount = Long.parseLong(matcher.group(1));
			age = switch (matcher.group(2)) {
				case "w" -> Duration.ofDays(Math.multiplyExact(7, amount));
				case "d" -> Duration.ofDays(amount);
				case "h" -> Duration.ofHours(amount);
				default -> Duration.ofMinutes(amount);
			};
			LocalDateTime.now().minus(age);
		}
		catch (ArithmeticException | NumberFormatException | DateTimeException ex) {
			throw new CliException(ExitCodes.USAGE, "--older-than " + text + " is too long ago");
		}
		if (age.isZero()) {
			throw new CliException(ExitCodes.USAGE, "--older-than must be more than 0");
		}
		return age;
	}

}
