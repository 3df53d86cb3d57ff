package batch.cli;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import batch.operations.JobControl;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./batch purge --older-than 30d [--dry-run]}: delete old job metadata, never results.
 */
@Command(name = "purge", mixinStandardHelpOptions = true,
		description = { "Delete the job metadata (instances, executions, steps, contexts, parameters) of runs "
				+ "that ended before the given age, through Spring Batch's job repository.",
				"Results, rejects and the runs' staged input are never deleted. A purged run can no longer be "
						+ "restarted; runs still marked running are kept." })
class PurgeCommand implements Callable<Integer> {

	private static final Pattern AGE = Pattern.compile("(\\d+)([wdhm])");

	@Option(names = "--older-than", required = true, paramLabel = "AGE",
			description = "e.g. 30d, 12w, 36h (w weeks, d days, h hours, m minutes)")
	private String olderThan;

	@Option(names = "--dry-run", description = "only say what would be deleted")
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
		JobControl.PurgeReport report = this.spring.bean(JobControl.class)
			.purge(LocalDateTime.now().minus(age), this.dryRun);
		this.spec.commandLine()
			.getOut()
			.printf("%s %d runs (%d executions) that ended more than %s ago%s%n",
					this.dryRun ? "would delete" : "deleted", report.instances(), report.executions(), this.olderThan,
					(report.keptRunning() > 0) ? "; kept " + report.keptRunning()
							+ " still marked running (recover them first)" : "");
		return ExitCodes.COMPLETED;
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
