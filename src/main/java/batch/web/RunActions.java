package batch.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import batch.operations.LaunchParameters;
import batch.operations.OperationRefusedException;
import batch.operations.Refusal;
import batch.operations.RunInterventions;
import batch.operations.RunLauncher;
import batch.operations.RunQueries;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * What an operator over HTTP may do to runs, the API's caller and the console's alike: start a
 * run on files inside the input directory, restart, stop or recover one. The refusals are the
 * command line's.
 */
@Component
@ConditionalOnWebApplication
public class RunActions {

	// the files the start page offers: no deeper than this below the input directory
	private static final int DEPTH = 3;

	private static final int MOST_FILES = 500;

	private final RunLauncher launcher;

	private final RunInterventions interventions;

	private final RunQueries queries;

	private final InputConfinement confinement;

	RunActions(RunLauncher launcher, RunInterventions interventions, RunQueries queries, ApiProperties properties) {
		this.launcher = launcher;
		this.interventions = interventions;
		this.queries = queries;
		this.confinement = new InputConfinement(properties.inputPath());
	}

	/** Starts a run of the job with the parameters, its files resolved inside the input directory. */
	public JobExecution start(String jobName, Map<String, String> parameters) {
		this.queries.job(jobName);
		return this.launcher.start(jobName, LaunchParameters.of(this.confinement.confine(parameters)));
	}

	/** Restarts a run that failed or stopped, if its files still lie inside the input directory. */
	public JobExecution restart(long executionId) {
		// the files are confined again: one may have been replaced by a link since the start
		Map<String, String> files = new LinkedHashMap<>();
		this.queries.execution(executionId).getJobParameters().parameters().forEach((parameter) -> {
			if (LaunchParameters.PATHS.contains(parameter.name()) && parameter.value() instanceof String value) {
				files.put(parameter.name(), value);
			}
		});
		try {
			this.confinement.confine(files);
		}
		catch (OperationRefusedException ex) {
			throw new OperationRefusedException(Refusal.INPUT_CHANGED, ex.getMessage()
					+ ": a restart reads and writes where the run did, inside the input directory");
		}
		return this.launcher.restart(executionId);
	}

	/** Asks a running run to stop. */
	public JobExecution stop(long executionId) {
		return this.interventions.stop(executionId);
	}

	/** Marks a run whose process died as failed, so that it can be restarted. */
	public JobExecution recover(long executionId, boolean force) {
		return this.interventions.recover(executionId, force);
	}

	/** The regular files inside the input directory, by their path relative to it, in order. */
	public List<String> inputFiles() {
		Path directory = this.confinement.directory();
		try (Stream<Path> files = Files.find(directory, DEPTH,
				(path, attributes) -> attributes.isRegularFile() && !isHidden(directory.relativize(path)))) {
			return files.map((path) -> directory.relativize(path).toString()).sorted().limit(MOST_FILES).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot list " + directory, ex);
		}
	}

	private static boolean isHidden(Path relative) {
		for (Path part : relative) {
			if (part.toString().startsWith(".")) {
				return true;
			}
		}
		return false;
	}

}
