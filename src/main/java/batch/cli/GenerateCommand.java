package batch.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./batch generate policies --count N --output F [--seed S] [--invalid-fraction X]}:
 * deterministic synthetic input.
 */
@Command(name = "generate", mixinStandardHelpOptions = true, description = "Write synthetic input files.",
		subcommands = { GenerateCommand.Policies.class, GenerateCommand.Contracts.class })
class GenerateCommand implements Runnable {

	@Spec
	private CommandSpec spec;

	@Override
	public void run() {
		this.spec.commandLine().usage(this.spec.commandLine().getOut());
	}

	@Command(name = "policies", mixinStandardHelpOptions = true,
			description = "A policies CSV: a realistic mix of ENDOWMENT_PAR, TERM and ULIP, the same for the same seed.")
	static class Policies implements Callable<Integer> {

		@Option(names = "--count", required = true, paramLabel = "N", description = "rows to write")
		private long count;

		@Option(names = "--output", required = true, paramLabel = "F", description = "the file to write")
		private Path output;

		@Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "default: ${DEFAULT-VALUE}")
		private long seed;

		@Option(names = "--invalid-fraction", defaultValue = "0", paramLabel = "X",
				description = "share of rows that break one validation rule, 0 to 1 (default: ${DEFAULT-VALUE})")
		private double invalidFraction;

		@Spec
		private CommandSpec spec;

		@Override
		public Integer call() throws IOException {
			if (this.count < 0) {
				throw new CliException(ExitCodes.USAGE, "--count must not be negative");
			}
			if (this.invalidFraction < 0 || this.invalidFraction > 1) {
				throw new CliException(ExitCodes.USAGE, "--invalid-fraction must be between 0 and 1");
			}
			Path parent = this.output.toAbsolutePath().getParent();
			if (parent != null) {
				Files.createDirectories(parent);
			}
			try (Writer out = Files.newBufferedWriter(this.output, StandardCharsets.UTF_8)) {
				new PolicyGenerator(this.seed, this.invalidFraction).write(out, this.count);
			}
			this.spec.commandLine().getOut().printf("wrote %d policies to %s%n", this.count, this.output);
			return ExitCodes.COMPLETED;
		}

	}

	@Command(name = "contracts", mixinStandardHelpOptions = true,
			description = "An ACTUS contracts CSV (PAM, ANN, LAM, NAM; fixed and floating) with matching rate "
					+ "observations and yield curves, the same for the same seed.")
	static class Contracts implements Callable<Integer> {

		@Option(names = "--count", required = true, paramLabel = "N", description = "contracts to write")
		private long count;

		@Option(names = "--output", required = true, paramLabel = "F", description = "the contracts file to write")
		private Path output;

		@Option(names = "--observations", paramLabel = "F",
				description = "the observations file to write (default: beside the output, -observations.csv)")
		private Path observations;

		@Option(names = "--curves", paramLabel = "F",
				description = "the curves file to write (default: beside the output, -curves.csv)")
		private Path curves;

		@Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "default: ${DEFAULT-VALUE}")
		private long seed;

		@Option(names = "--invalid-fraction", defaultValue = "0", paramLabel = "X",
				description = "share of rows that break one rule, 0 to 1 (default: ${DEFAULT-VALUE})")
		private double invalidFraction;

		@Spec
		private CommandSpec spec;

		@Override
		public Integer call() throws IOException {
			if (this.count < 0) {
				throw new CliException(ExitCodes.USAGE, "--count must not be negative");
			}
			if (this.invalidFraction < 0 || this.invalidFraction > 1) {
				throw new CliException(ExitCodes.USAGE, "--invalid-fraction must be between 0 and 1");
			}
			Path observationsFile = (this.observations != null) ? this.observations : beside("-observations.csv");
			Path curvesFile = (this.curves != null) ? this.curves : beside("-curves.csv");
			ContractGenerator generator = new ContractGenerator(this.seed, this.invalidFraction);
			try (Writer out = open(this.output)) {
				generator.writeContracts(out, this.count, (line, reason) -> {
				});
			}
			try (Writer out = open(observationsFile)) {
				generator.writeObservations(out);
			}
			try (Writer out = open(curvesFile)) {
				generator.writeCurves(out);
			}
			this.spec.commandLine()
				.getOut()
				.printf("wrote %d contracts to %s, observations to %s, curves to %s%n", this.count, this.output,
						observationsFile, curvesFile);
			return ExitCodes.COMPLETED;
		}

		private Path beside(String suffix) {
			String name = this.output.getFileName().toString();
			String base = name.endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
			return this.output.resolveSibling(base + suffix);
		}

		private static Writer open(Path file) throws IOException {
			Path parent = file.toAbsolutePath().getParent();
			if (parent != null) {
				Files.createDirectories(parent);
			}
			return Files.newBufferedWriter(file, StandardCharsets.UTF_8);
		}

	}

}
