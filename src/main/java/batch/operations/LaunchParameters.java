package batch.operations;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
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

	/** Parameters that name files or directories. */
	public static final Set<String> PATHS = Set.of("input", "observations", "curves", "events", "exportDir");

	private LaunchParameters() {
	}

	/**
	 * The parameters with every path made absolute against {@code directory}: the same file
	 * spelled two ways is one run, and a restart from elsewhere reads the same file.
	 */
	public static Map<String, String> withAbsolutePaths(Map<String, String> values, Path directory) {
		Map<String, String> absolute = new LinkedHashMap<>(values);
		for (String name : PATHS) {
			String value = values.get(name);
			if (value != null && !value.isBlank()) {
				try {
					absolute.put(name, directory.resolve(value).toAbsolutePath().normalize().toString());
				}
				catch (InvalidPathException ex) {
					throw new OperationRefusedException(Refusal.BAD_REQUEST,
							name + " is not a valid path: " + ex.getReason());
				}
			}
		}
		return absolute;
	}

	/** The job parameters, with paths made absolute against {@code directory}. */
	public static JobParameters of(Map<String, String> values, Path directory) {
		return of(withAbsolutePaths(values, directory));
	}

	public static JobParameters of(Map<String, String> values) {
		JobParametersBuilder builder = new JobParametersBuilder();
		values.forEach((name, value) -> builder.addString(name, value, !NON_IDENTIFYING.contains(name)));
		return builder.toJobParameters();
	}

}
