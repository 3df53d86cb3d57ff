package batch.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.Callable;

import batch.domain.cashflow.ContractType;
import batch.generate.ContractGenerator;
import batch.generate.PolicyGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./batch generate policies|contracts --count N --output F [--seed S] [--invalid-fraction X]}:
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

	/**
	 * The options every generator takes.
	 */
	static class GeneratorOptions {

		@Option(names = "--count", required = true, paramLabel = "N", description = "rows to write")
		long count;

		@Option(names = "--output", required = true, paramLabel = "F", description = "the file to write")
		Path output;

		@Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "default: ${DEFAULT-VALUE}")
		long seed;

		@Option(names = "--invalid-fraction", defaultValue = "0", paramLabel = "X",
				description = "share of rows that break one validation rule, 0 to 1 (default: ${DEFAULT-VALUE})")
		double invalidFraction;

		void check() {
			if (this.count < 0) {
				throw new CliException(ExitCodes.USAGE, "--count must not be negative");
			}
			if (this.invalidFraction < 0 || this.invalidFraction > 1) {
				throw new CliException(ExitCodes.USAGE, "--invalid-fraction must be between 0 and 1");
			}
		}

		static Writer open(Path file) throws IOException {
			Path parent = file.toAbsolutePath().getParent();
			if (parent != null) {
				Files.createDirectories(parent);
			}
			return Files.newBufferedWriter(file, StandardCharsets.UTF_8);
		}

	}

	@Command(name = "policies", mixinStandardHelpOptions = true,
			description = "A policies CSV: a realistic mix of ENDOWMENT_PAR, TERM and ULIP, the same for the same seed.")
	static class Policies implements Callable<Integer> {

		@Mixin
		private GeneratorOptions options;

		@Spec
		private CommandSpec spec;

		@Override
		public Integer call() throws IOException {
			this.options.check();
			try (Writer out = GeneratorOptions.open(this.options.output)) {
				new PolicyGenerator(this.options.seed, this.options.invalidFraction).write(out, this.options.count);
			}
			this.spec.commandLine().getOut().printf("wrote %d policies to %s%n", this.options.count, this.options.output);
			return ExitCodes.COMPLETED;
		}

	}

	@Command(name = "contracts", mixinStandardHelpOptions = true,
			description = "An ACTUS contracts CSV (a bank's book of every type, or the types asked for) with "
					+ "matching rate observations and yield curves, the same for the same seed. Contracts "
					+ "without an end (open accounts, cash) need cashflow --horizon.")
	static class Contracts implements Callable<Integer> {

		@Mixin
		private GeneratorOptions options;

		@Option(names = "--observations", paramLabel = "F",
				description = "the observations file to write (default: beside the output, -observations.csv)")
		private Path observations;

		@Option(names = "--curves", paramLabel = "F",
				description = "the curves file to write (default: beside the output, -curves.csv)")
		private Path curves;

		@Option(names = "--types", split = ",", paramLabel = "T,T",
				description = "the contract types to generate, in their shares of a whole book: any of "
						+ "${COMPLETION-CANDIDATES} (default: all)")
		private Set<ContractType> types;

		@Spec
		private CommandSpec spec;

		@Override
		public Integer call() throws IOException {
			this.options.check();
			Path output = this.options.output;
			Path observationsFile = (this.observations != null) ? this.observations : beside(output, "-observations.csv");
			Path curvesFile = (this.curves != null) ? this.curves : beside(output, "-curves.csv");
			ContractGenerator generator = new ContractGenerator(this.options.seed, this.options.invalidFraction, "C",
					(this.types != null) ? EnumSet.copyOf(this.types) : EnumSet.allOf(ContractType.class));
			try (Writer out = GeneratorOptions.open(output)) {
				generator.writeContracts(out, this.options.count, (line, reason) -> {
				});
			}
			try (Writer out = GeneratorOptions.open(observationsFile)) {
				generator.writeObservations(out);
			}
			try (Writer out = GeneratorOptions.open(curvesFile)) {
				generator.writeCurves(out);
			}
			this.spec.commandLine()
				.getOut()
				.printf("wrote %d contracts to %s, observations to %s, curves to %s%n", this.options.count, output,
						observationsFile, curvesFile);
			return ExitCodes.COMPLETED;
		}

		private static Path beside(Path output, String suffix) {
			String name = output.getFileName().toString();
			String base = name.endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
			return output.resolveSibling(base + suffix);
		}

	}

}
