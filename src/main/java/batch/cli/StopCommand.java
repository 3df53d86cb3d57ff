package batch.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;

import batch.operations.RunInterventions;
import batch.operations.RunQueries;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

import org.springframework.batch.core.job.JobExecution;

/**
 * {@code ./batch stop <executionId> [--wait]}: ask a running run to stop, wherever it runs.
 */
@Command(name = "stop", mixinStandardHelpOptions = true,
		description = { "Ask a running run to stop, wherever it runs: its steps end after the chunks in flight "
				+ "commit, and it ends STOPPED, ready for restart.",
				"A run whose process died cannot stop: recover it instead." })
class StopCommand implements Callable<Integer> {

	@Parameters(index = "0", paramLabel = "<executionId>", converter = ExecutionIdConverter.class)
	private long executionId;

	@Option(names = "--wait", description = "wait until the run has ended, and print its status")
	private boolean wait;

	@Option(names = "--timeout", defaultValue = "PT5M", paramLabel = "DURATION", converter = Timeout.class,
			description = "with --wait, how long to wait: an ISO-8601 duration up to P7D (default: ${DEFAULT-VALUE})")
	private Duration timeout;

	@Spec
	private CommandSpec spec;

	private final SpringContext spring;

	StopCommand(SpringContext spring) {
		this.spring = spring;
	}

	@Override
	public Integer call() throws InterruptedException {
		RunQueries queries = this.spring.bean(RunQueries.class);
		JobExecution execution = this.spring.bean(RunInterventions.class).stop(this.executionId);
		this.spec.commandLine()
			.getOut()
			.println("execution " + this.executionId + " is " + execution.getStatus()
					+ (RunQueries.isActive(execution) ? ": its steps stop after the chunks in flight commit" : ""));
		if (!this.wait) {
			return ExitCodes.COMPLETED;
		}
		long deadline = System.nanoTime() + this.timeout.toNanos();
		while (RunQueries.isActive(execution)) {
			if (System.nanoTime() > deadline) {
				this.spec.commandLine()
					.getErr()
					.println("execution " + this.executionId + " is still " + execution.getStatus() + " after "
							+ this.timeout.toSeconds() + " s; if its process died, recover it");
				return ExitCodes.FAILED;
			}
			Thread.sleep(500);
			execution = queries.execution(this.executionId);
		}
		this.spec.commandLine().getOut().println("execution " + this.executionId + " is " + execution.getStatus());
		return ExitCodes.COMPLETED;
	}

	/**
	 * A wait of more than nothing and at most a week: a negative one would end at once, and one
	 * of centuries would overflow the clock arithmetic.
	 */
	static final class Timeout implements ITypeConverter<Duration> {

		private static final Duration LONGEST = Duration.ofDays(7);

		@Override
		public Duration convert(String value) {
			Duration timeout;
			try {
				timeout = Duration.parse(value);
			}
			catch (DateTimeParseException | ArithmeticException ex) {
				throw new TypeConversionException("'" + value + "' is not an ISO-8601 duration, such as PT5M");
			}
			if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(LONGEST) > 0) {
				throw new TypeConversionException("'" + value + "' must be more than 0 and at most P7D");
			}
			return timeout;
		}

	}

}
