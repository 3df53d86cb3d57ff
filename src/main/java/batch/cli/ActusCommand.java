package batch.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import batch.conformance.ConformanceRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.core.JacksonException;

/**
 * {@code ./batch actus <cases.json> --output results.json}: the ACTUS conformance runner.
 */
@Command(name = "actus", mixinStandardHelpOptions = true,
		description = "Run ACTUS conformance cases (actus-tests-*.json format) through the cash-flow engine and "
				+ "write the events of each case as JSON.")
class ActusCommand implements Callable<Integer> {

	@Parameters(index = "0", paramLabel = "<cases.json>", description = "conformance cases by identifier")
	private Path cases;

	@Option(names = "--output", required = true, paramLabel = "results.json", description = "where to write events")
	private Path output;

	@Spec
	private CommandSpec spec;

	@Override
	public Integer call() throws IOException {
		if (!Files.isRegularFile(this.cases) || !Files.isReadable(this.cases)) {
			throw new CliException(ExitCodes.USAGE, this.cases + " does not exist or cannot be read");
		}
		ConformanceRunner runner = new ConformanceRunner();
		ConformanceRunner.Outcome outcome;
		try (InputStream in = Files.newInputStream(this.cases)) {
			outcome = runner.run(in);
		}
		catch (JacksonException ex) {
			throw new CliException(ExitCodes.USAGE, this.cases + " is not valid JSON: " + ex.getOriginalMessage());
		}
		Path parent = this.output.toAbsolutePath().getParent();
		if (parent != null) {
			Files.createDirectories(parent);
		}
		try (OutputStream out = Files.newOutputStream(this.output)) {
			runner.write(outcome, out);
		}
		this.spec.commandLine()
			.getOut()
			.printf("%d cases, %d projected, %d rejected; results in %s%n", outcome.cases(),
					outcome.cases() - outcome.rejected(), outcome.rejected(), this.output);
		return (outcome.rejected() == 0) ? ExitCodes.COMPLETED : ExitCodes.FAILED;
	}

}
