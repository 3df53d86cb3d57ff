package batch.operations;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import batch.reader.FileFingerprint;
import batch.shared.RootCause;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;

/**
 * The check that a run to restart reads the files it read: each input file its steps recorded
 * ({@link FileFingerprint}) must be there, of the same size and modification time, and, where the
 * run read it to the end, of the same SHA-256. A restart on another file would mix two files'
 * rows in one run.
 */
final class RestartInputs {

	private RestartInputs() {
	}

	/**
	 * @param executions every execution of the run's job instance
	 * @throws OperationRefusedException {@link Refusal#INPUT_CHANGED}, naming the parameter and
	 * what changed
	 */
	static void check(JobParameters parameters, List<JobExecution> executions) {
		Map<String, Recorded> recorded = recorded(executions);
		for (String name : LaunchParameters.PATHS) {
			String value = parameters.getString(name);
			Recorded record = (value != null) ? recorded.get(normalized(value)) : null;
			if (record == null) {
				continue;
			}
			String difference;
			try {
				difference = record.fingerprint().differenceOf(Path.of(value));
			}
			catch (IOException ex) {
				difference = "it cannot be read: " + RootCause.message(ex);
			}
			if (difference != null) {
				throw new OperationRefusedException(Refusal.INPUT_CHANGED, name + " " + value
						+ " is not the file execution " + record.executionId() + " read: " + difference
						+ ". A restart continues the run on the files it read: put that file back, or start a new run");
			}
		}
	}

	// The latest fingerprint of each file the steps of the instance's executions read.
	private static Map<String, Recorded> recorded(List<JobExecution> executions) {
		Map<String, Recorded> recorded = new HashMap<>();
		executions.stream().sorted(Comparator.comparingLong(JobExecution::getId)).forEach((execution) -> {
			for (StepExecution step : execution.getStepExecutions()) {
				FileFingerprint fingerprint = FileFingerprint.recordedIn(step.getExecutionContext());
				if (fingerprint != null) {
					String path = normalized(step.getExecutionContext().getString(FileFingerprint.PATH));
					Recorded earlier = recorded.get(path);
					// a step that read the whole file knows more than a later one stopped in it
					if (earlier == null || fingerprint.sha256() != null || earlier.fingerprint().sha256() == null) {
						recorded.put(path, new Recorded(execution.getId(), fingerprint));
					}
				}
			}
		});
		return recorded;
	}

	private static String normalized(String path) {
		try {
			return Path.of(path).toAbsolutePath().normalize().toString();
		}
		catch (InvalidPathException ex) {
			return path;
		}
	}

	private record Recorded(long executionId, FileFingerprint fingerprint) {

	}

}
