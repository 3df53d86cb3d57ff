package batch.cli;

import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine;

/**
 * Parses the command line with picocli and runs the command. Arguments in Spring's form
 * ({@code --spring.datasource.url=...}, {@code --batch.chunk-size=...}) configure the application
 * and are passed to Spring, not to the command.
 */
public final class BatchCli {

	private static final List<String> SPRING_PREFIXES = List.of("--spring.", "--batch.", "--logging.", "--server.",
			"--management.");

	private final Class<?> application;

	private final PrintWriter out;

	private final PrintWriter err;

	public BatchCli(Class<?> application) {
		this(application, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
	}

	public BatchCli(Class<?> application, PrintWriter out, PrintWriter err) {
		this.application = application;
		this.out = out;
		this.err = err;
	}

	public int run(String... args) {
		List<String> commandArgs = new ArrayList<>();
		List<String> springArgs = new ArrayList<>();
		for (String arg : args) {
			(SPRING_PREFIXES.stream().anyMatch(arg::startsWith) ? springArgs : commandArgs).add(arg);
		}
		try (SpringContext spring = new SpringContext(this.application, springArgs)) {
			CommandLine commandLine = new CommandLine(new BatchCommand(), new Factory(spring));
			commandLine.setOut(this.out);
			commandLine.setErr(this.err);
			commandLine.setExecutionExceptionHandler((error, line, parseResult) -> {
				if (error instanceof CliException cliError) {
					line.getErr().println(cliError.getMessage());
					return cliError.exitCode();
				}
				line.getErr().println("error: " + SpringContext.rootMessage(error));
				return ExitCodes.FAILED;
			});
			return commandLine.execute(commandArgs.toArray(String[]::new));
		}
		catch (CliException ex) {
			this.err.println(ex.getMessage());
			return ex.exitCode();
		}
	}

	/** Gives commands that take a {@link SpringContext} the application's. */
	private record Factory(SpringContext spring) implements CommandLine.IFactory {

		@Override
		public <K> K create(Class<K> type) throws Exception {
			for (Constructor<?> constructor : type.getDeclaredConstructors()) {
				if (constructor.getParameterCount() == 1 && constructor.getParameterTypes()[0] == SpringContext.class) {
					constructor.setAccessible(true);
					return type.cast(constructor.newInstance(this.spring));
				}
			}
			return CommandLine.defaultFactory().create(type);
		}

	}

}
