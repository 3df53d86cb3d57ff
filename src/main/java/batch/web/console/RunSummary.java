package batch.web.console;

import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import batch.operations.ExecutionReport;
import batch.operations.ExecutionReport.StepReport;
import batch.operations.LaunchParameters;

/**
 * A run as the runs page lists it: its parameters (file names, dates and ids: a run's parameters
 * hold no personal data), status, times, the rows it wrote and rejected, and where it ran.
 */
record RunSummary(long executionId, String jobName, String parameters, String status, boolean active,
		OffsetDateTime startTime, double seconds, long rows, long rejects, String where) {

	static RunSummary of(ExecutionReport report, ConsoleFormat format) {
		StringBuilder parameters = new StringBuilder();
		for (Map.Entry<String, String> parameter : report.parameters().entrySet()) {
			String value = LaunchParameters.PATHS.contains(parameter.getKey()) ? format.fileName(parameter.getValue())
					: parameter.getValue();
			parameters.append((parameters.length() == 0) ? "" : " ").append(parameter.getKey()).append('=').append(value);
		}
		long rows = 0;
		long rejects = 0;
		for (StepReport step : report.steps()) {
			rows += step.resultRows();
			rejects += step.skipped();
		}
		return new RunSummary(report.executionId(), report.jobName(), parameters.toString(), report.status(),
				report.active(), report.startTime(), report.seconds(), rows, rejects, where(report.steps()));
	}

	// the processes that ran its steps and partitions: "pid 42 on host-a", or how many
	private static String where(List<StepReport> steps) {
		Set<String> processes = new LinkedHashSet<>();
		for (StepReport step : steps) {
			if (step.process() != null) {
				processes.add(step.process());
			}
			for (StepReport partition : step.partitions()) {
				if (partition.process() != null) {
					processes.add(partition.process());
				}
			}
		}
		if (processes.isEmpty()) {
			return "–";
		}
		return (processes.size() == 1) ? processes.iterator().next() : processes.size() + " processes";
	}

}
