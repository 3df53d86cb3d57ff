package batch.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import batch.job.IllustrationJobParameters;
import batch.operations.LaunchParameters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ./batch illustrate <policies.csv> [--export-dir DIR]}: a new run of illustrationJob on a
 * policies file.
 */
@Command(name = "illustrate", mixinStandardHelpOptions = true,
		description = "Import a policies file, calculate its benefit illustrations and upsert them. "
				+ "Each invocation is a new run, even for the same file.")
class IllustrateCommand implements Callable<Integer> {

	// Paths as text, checked with the job's parameters: a name the file system refuses gets the
	// message of the parameter, not a converter's exception.
	@Parameters(index = "0", paramLabel = "<policies.csv>", description = "the policies CSV (header required)")
	private String input;

	@Option(names = "--export-dir", paramLabel = "DIR",
			description = "also write illustrations.csv, summary.csv and rejects.csv there")
	private String exportDir;

	@Spec
	private CommandSpec spec;

	private final SpringContext spring;

	IllustrateCommand(SpringContext spring) {
		this.spring = spring;
	}

	@Override
	public Integer call() {
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put(IllustrationJobParameters.INPUT, this.input);
		parameters.put(IllustrationJobParameters.RUN_ID, UUID.randomUUID().toString());
		if (this.exportDir != null) {
			parameters.put(IllustrationJobParameters.EXPORT_DIR, this.exportDir);
		}
		return this.spring.bean(JobRunner.class)
			.start("illustrationJob", LaunchParameters.of(parameters, Path.of("")),
					this.spec.commandLine().getOut(), this.spec.commandLine().getErr());
	}

}
