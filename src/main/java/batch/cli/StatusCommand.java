package batch.cli;

import java.io.PrintWriter;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import batch.cli.output.ProgressReporter;
import batch.operations.ExecutionReport.StepReport;
import batch.operations.ExecutionReport;
import batch.operations.Heartbeats;
import batch.operations.RunQueries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import org.springframework.batch.core.job.JobExecution;

/**
 * {@code ./batch status [<executionId>] [--output json]}: one run, its steps and partitions, counts
 * and rates, and how far each is; as JSON, the report the API returns.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
		description = "Show a run (by default the latest): its status, where it runs, its steps and partitions "
				+ "with read, write, skip and commit counts and rates, and how far each is, with the time left.")
class StatusCommand implements Callable<Integer> {

	private static final String ROW = "  %-44s %-10s %10s %10s %8s %8s %9s %10s %10s %9s %8s %10s  %s%n";

	@Parameters(index = "0", arity = "0..1", paramLabel = "<executionId>", description = "default: the latest run",
			converter = ExecutionIdConverter.class)
	private Long executionId;

	@Mixin
	private OutputOption output;

	@Spec
	private CommandSpec spec;

	private final SpringContext spring;

	StatusCommand(SpringContext spring) {
		this.spring = spring;
	}

	@Override
	public Integer call() {
		RunQueries control = this.spring.bean(RunQueries.class);
		PrintWriter out = this.spec.commandLine().getOut();
		long id;
		if (this.executionId != null) {
			id = this.executionId;
		}
		else {
			JobExecution latest = control.latest();
			if (latest == null) {
				out.println(this.output.json() ? "null" : "no runs yet");
				return ExitCodes.COMPLETED;
			}
			id = latest.getId();
		}
		ExecutionReport report = control.report(id);
		if (this.output.json()) {
			OutputOption.printJson(this.spring, out, report);
			return ExitCodes.COMPLETED;
		}
		print(report, this.spring.bean(Heartbeats.class).last(id), out);
		return ExitCodes.COMPLETED;
	}

	static void print(ExecutionReport report, Heartbeats.Pulse pulse, PrintWriter out) {
		out.printf(Locale.ROOT, "execution %d of %s: %s%n", report.executionId(), report.jobName(), report.status());
		out.printf(Locale.ROOT, "  instance %d; started %s; %s %.1f s%n", report.instanceId(), time(report.startTime()),
				(report.endTime() != null) ? "ended " + time(report.endTime()) + " after" : "running for",
				report.seconds());
		if (pulse != null && report.endTime() == null) {
			out.printf(Locale.ROOT, "  process %d on %s, last heartbeat %d s ago%n", pulse.pid(), pulse.host(),
					pulse.age().toSeconds());
		}
		else if (pulse != null) {
			out.printf(Locale.ROOT, "  ran as process %d on %s%n", pulse.pid(), pulse.host());
		}
		List<String> parameters = new ArrayList<>();
		for (Map.Entry<String, String> parameter : report.parameters().entrySet()) {
			parameters.add(parameter.getKey() + "=" + parameter.getValue()
					+ (report.nonIdentifying().contains(parameter.getKey()) ? " (not identifying)" : ""));
		}
		out.println("  parameters: " + String.join(", ", parameters));
		if (report.current() != null) {
			out.println("  now: " + ProgressReporter.line(report.current()));
		}
		if (report.warning() != null) {
			out.println("  warning: " + report.warning());
		}
		if (report.endTime() != null && report.exitMessage() != null) {
			out.println("  exit " + report.exitCode() + ": " + report.exitMessage());
		}
		out.printf(Locale.ROOT, ROW, "step", "status", "read", "written", "skipped", "commits", "rollbacks", "done",
				"expected", "items/s", "left", "rows/s", "ran in");
		for (StepReport step : report.steps()) {
			row(out, step, "");
			for (StepReport partition : step.partitions()) {
				row(out, partition, "  ");
			}
		}
		out.flush();
	}

	private static String time(OffsetDateTime time) {
		return (time != null) ? ExecutionReport.TIME.format(time) : "-";
	}

	private static void row(PrintWriter out, StepReport step, String indent) {
		out.printf(Locale.ROOT, ROW, indent + step.name(), step.status(), step.read(), step.written(), step.skipped(),
				step.commits(), step.rollbacks(), step.done(),
				(step.expected() != null) ? step.expected().toString() : "-",
				String.format(Locale.ROOT, "%.0f", step.itemsPerSecond()),
				(step.remaining() != null) ? ProgressReporter.duration(step.remaining()) : "-",
				(step.resultRows() > 0) ? String.format(Locale.ROOT, "%.0f", step.rowsPerSecond()) : "-",
				(step.process() != null) ? step.process() : "-");
	}

}
