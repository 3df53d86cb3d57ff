package batch.cli;

import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.Callable;

import batch.job.IllustrationJobParameters;

import org.springframework.batch.core.job.parameters.JobParametersBuilder;

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

	@Parameters(index = "0", paramLabel = "<policies.csv>", description = "the policies CSV (header required)")
	private Path input;

	@Option(names = "--export-dir", paramLabel = "DIR",
			description = "also write illustrations.csv, summary.csv and rejects.csv there")
	private Path exportDir;

	@Spec
	private CommandSpec spec;

	private final SpringContext spring;

	IllustrateCommand(SpringContext spring) {
		this.spring = spring;
	}

	@Override
	public Integer call() {
		JobParametersBuilder parameters = new JobParametersBuilder()
			.addString(IllustrationJobParameters.INPUT, this.input.toAbsolutePath().normalize().toString())
			.addString(IllustrationJobParameters.RUN_ID, UUID.randomUUID().toString());
		if (this.exportDir != null) {
			parameters.addString(IllustrationJobParameters.EXPORT_DIR,
					this.exportDir.toAbsolutePath().normalize().toString(), false);
		}
		return this.spring.bean(JobRunner.class)
			.start("illustrationJob", parameters.toJobParameters(), this.spec.commandLine().getOut(),
					this.spec.commandLine().getErr());
	}

}
