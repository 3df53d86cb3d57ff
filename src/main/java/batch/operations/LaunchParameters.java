package batch.operations;

import java.util.Map;
import java.util.Set;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * Job parameters as operators give them, by name: strings, identifying the run except those that
 * only say where results go.
 */
public final class LaunchParameters {

	/** Parameters that never identify a run: where results go, not what is calculated. */
	public static final Set<String> NON_IDENTIFYING = Set.of("exportDir");

	private LaunchParameters() {
	}

	public static JobParameters of(Map<String, String> values) {
		JobParametersBuilder builder = new JobParametersBuilder();
		values.forEach((name, value) -> builder.addString(name, value, !NON_IDENTIFYING.contains(name)));
		return builder.toJobParameters();
	}

}
