package batch.cli.output;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.concurrent.ScheduledFuture;

import batch.logging.TerminalLine;
import batch.operations.ExecutionReport.StepReport;
import batch.operations.ExecutionReport;
import batch.operations.RunQueries;

import org.springframework.scheduling.TaskScheduler;

/**
 * Shows how far a run is while the command line waits for it, on standard error: on a terminal,
 * one line redrawn every second with a bar, counts, rate and time left, below the log lines (the
 * bar is drawn through {@link TerminalLine}, which the log appender writes through too);
 * otherwise (cron, Kubernetes) a plain timestamped line every progress interval.
 */
public final class ProgressReporter implements AutoCloseable {

	private static final int BAR = 24;

	private final RunQueries queries;

	private final long executionId;

	private final PrintWriter err;

	private final TerminalLine terminal;

	private final Duration every;

	private ScheduledFuture<?> ticks;

	private boolean closed;

	/**
	 * @param terminal the terminal line to draw the bar on; null when standard error is not a
	 * terminal
	 */
	private ProgressReporter(RunQueries queries, long executionId, PrintWriter err, TerminalLine terminal,
			Duration every) {
		this.queries = queries;
		this.executionId = executionId;
		this.err = err;
		this.terminal = terminal;
		this.every = every;
	}

	/** Reports on the scheduler's threads until closed. */
	public static ProgressReporter start(RunQueries queries, TaskScheduler scheduler, long executionId, PrintWriter err,
			Duration interval) {
		boolean terminal = System.console() != null;
		ProgressReporter reporter = new ProgressReporter(queries, executionId, err,
				terminal ? TerminalLine.standardError() : null, terminal ? Duration.ofSeconds(1) : interval);
		reporter.ticks = scheduler.scheduleWithFixedDelay(reporter::tick, Instant.now().plus(reporter.every),
				reporter.every);
		return reporter;
	}

	private void tick() {
		try {
			ExecutionReport report = this.queries.report(this.executionId);
			if (report.current() != null) {
				print(report);
			}
		}
		catch (RuntimeException ex) {
			// progress is best effort: the run's own outcome is reported when it ends
		}
	}

	private synchronized void print(ExecutionReport report) {
		if (this.closed) {
			return;
		}
		if (this.terminal != null) {
			this.terminal.draw(bar(report.current()));
		}
		else {
			this.err.println(Instant.now().truncatedTo(ChronoUnit.SECONDS) + " execution " + report.executionId() + " "
					+ line(report.current()));
			this.err.flush();
		}
	}

	/** {@code calculateIllustrations: 120000 of 200000 items (60.0%), 58211 items/s, 1m 23s left}. */
	public static String line(StepReport step) {
		StringBuilder line = new StringBuilder(step.name()).append(": ").append(step.done());
		if (step.expected() != null) {
			line.append(String.format(Locale.ROOT, " of %d items (%.1f%%)", step.expected(),
					100 * step.fractionDone()));
		}
		else {
			line.append(" items");
		}
		line.append(String.format(Locale.ROOT, ", %.0f items/s", step.itemsPerSecond()));
		if (step.remaining() != null) {
			line.append(", ").append(duration(step.remaining())).append(" left");
		}
		return line.toString();
	}

	/** {@code calculateIllustrations [#########-----------] 120000/200000  60% 58211/s ETA 1m 23s}. */
	static String bar(StepReport step) {
		StringBuilder line = new StringBuilder(step.name()).append(' ');
		if (step.expected() != null) {
			int full = (int) Math.round(BAR * step.fractionDone());
			line.append('[').append("#".repeat(full)).append("-".repeat(BAR - full)).append("] ");
			line.append(step.done()).append('/').append(step.expected());
			line.append(String.format(Locale.ROOT, " %3.0f%%", 100 * step.fractionDone()));
		}
		else {
			line.append(step.done()).append(" items");
		}
		line.append(String.format(Locale.ROOT, " %.0f/s", step.itemsPerSecond()));
		if (step.remaining() != null) {
			line.append(" ETA ").append(duration(step.remaining()));
		}
		return line.toString();
	}

	/** {@code 42s}, {@code 1m 23s}, {@code 2h 05m}. */
	public static String duration(Duration duration) {
		long seconds = duration.toSeconds();
		if (seconds >= 3600) {
			return String.format(Locale.ROOT, "%dh %02dm", seconds / 3600, (seconds % 3600) / 60);
		}
		if (seconds >= 60) {
			return String.format(Locale.ROOT, "%dm %02ds", seconds / 60, seconds % 60);
		}
		return seconds + "s";
	}

	@Override
	public void close() {
		// never interrupted: an interrupt in the middle of a query would close the embedded
		// database's files; a tick under way prints nothing once closed
		this.ticks.cancel(false);
		synchronized (this) {
			this.closed = true;
			if (this.terminal != null) {
				this.terminal.clear();
			}
		}
	}

}
