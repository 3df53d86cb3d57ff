package batch.cli;

import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import org.springframework.batch.core.job.parameters.JobParametersBuilder;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ./batch launch <jobName> [key=value ...]}: start a job with exactly the parameters given,
 * so that the same identifying parameters twice are refused.
 */
@Command(name = "launch", mixinStandardHelpOptions = true,
		description = "Start a job with exactly these parameters. A run that completed with the same identifying "
				+ "parameters is refused; a failed one is restarted.")
class LaunchCommand implements Callable<Integer> {

	/** Parameters that never identify a run: where results go, not what is calculated. */
	static final Set<String> NON_IDENTIFYING = Set.of("exportDir");

	@Parameters(index = "0", paramLabel = "<jobName>", description = "illustrationJob")
	private String jobName;

	@Parameters(index = "1..*", paramLabel = "key=value", description = "job parameters, e.g. input=policies.csv")
	private List<String> parameters = List.of();

	@Spec
	private CommandSpec spec;

	private final SpringContext spring;

	LaunchCommand(SpringContext spring) {
		this.spring = spring;
	}

	@Override
	public Integer call() {
		JobParametersBuilder builder = new JobParametersBuilder();
		for (String parameter : this.parameters) {
			int equals = parameter.indexOf('=');
			if (equals <= 0) {
				throw new CliException(ExitCodes.USAGE, "parameter '" + parameter + "' is not key=value");
			}
			String key = parameter.substring(0, equals);
			builder.addString(key, parameter.substring(equals + 1), !NON_IDENTIFYING.contains(key));
		}
		return this.spring.bean(JobRunner.class)
			.start(this.jobName, builder.toJobParameters(), this.spec.commandLine().getOut());
	}

}
