package batch.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import batch.operations.LaunchParameters;
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
		Map<String, String> values = new LinkedHashMap<>();
		for (String parameter : this.parameters) {
			int equals = parameter.indexOf('=');
			if (equals <= 0) {
				throw new CliException(ExitCodes.USAGE, "parameter '" + parameter + "' is not key=value");
			}
			String name = parameter.substring(0, equals);
			if (values.put(name, parameter.substring(equals + 1)) != null) {
				// one value would silently win: the run would not be the one asked for
				throw new CliException(ExitCodes.USAGE, "parameter " + name + " is given twice");
			}
		}
		return this.spring.bean(JobRunner.class)
			.start(this.jobName, LaunchParameters.of(values, Path.of("")), this.spec.commandLine().getOut(),
					this.spec.commandLine().getErr());
	}

}
