package batch.cli;

import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import batch.operations.LocalRuns;
import batch.operations.OperationRefusedException;
import batch.operations.OperationsProperties;
import batch.operations.RunInterventions;
import batch.shared.RootCause;
import picocli.CommandLine;
import sun.misc.Signal;
import sun.misc.SignalHandler;

import org.springframework.core.task.SimpleAsyncTaskExecutor;

/**
 * Parses the command line with picocli and runs the command. Arguments in Spring's form
 * ({@code --spring.datasource.url=...}, {@code --batch.chunk-size=...}) configure the application
 * and are passed to Spring, not to the command.
 * <p>
 * On SIGTERM or Ctrl-C, the runs of this process are stopped: their steps end after the chunks in
 * flight commit, each run ends STOPPED, its summary is printed and the process exits with code 4,
 * so that {@code restart} finishes it.
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
		try (SpringContext spring = new SpringContext(this.application, springArgs);
				Signals signals = new Signals(spring)) {
			int exitCode = execute(spring, commandArgs);
			signals.commandDone.countDown();
			return exitCode;
		}
		catch (CliException ex) {
			this.err.println(oneLine(ex.getMessage()));
			return ex.exitCode();
		}
	}

	private int execute(SpringContext spring, List<String> commandArgs) {
		CommandLine commandLine = new CommandLine(new BatchCommand(), new Factory(spring));
		commandLine.setOut(this.out);
		commandLine.setErr(this.err);
		commandLine.setParameterExceptionHandler(BatchCli::badUsage);
		commandLine.setExecutionExceptionHandler((error, line, parseResult) -> {
			if (error instanceof CliException cliError) {
				line.getErr().println(oneLine(cliError.getMessage()));
				return cliError.exitCode();
			}
			if (error instanceof OperationRefusedException refused) {
				line.getErr().println(oneLine(refused.getMessage()));
				return exitCode(refused);
			}
			line.getErr().println("error: " + oneLine(RootCause.message(error)));
			return ExitCodes.FAILED;
		});
		return commandLine.execute(commandArgs.toArray(String[]::new));
	}

	// One line, as every other refusal, rather than picocli's message followed by the whole usage:
	// cron mails and CronJob logs show the reason, and --help shows the usage.
	private static int badUsage(CommandLine.ParameterException ex, String[] args) {
		CommandLine line = ex.getCommandLine();
		StringBuilder message = new StringBuilder(oneLine(ex.getMessage()));
		if (ex instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
			message.append("; did you mean ").append(String.join(" or ", unmatched.getSuggestions())).append('?');
		}
		message.append(" (").append(line.getCommandSpec().qualifiedName()).append(" --help shows the usage)");
		line.getErr().println(message);
		return ExitCodes.USAGE;
	}

	/**
	 * A message as one line: a value the user gave may hold a line break or another control
	 * character, which is shown escaped rather than breaking the line.
	 */
	static String oneLine(String message) {
		if (message == null) {
			return "";
		}
		StringBuilder line = new StringBuilder(message.length());
		message.codePoints().forEach((c) -> {
			switch (c) {
				case '\n' -> line.append("\\n");
				case '\r' -> line.append("\\r");
				case '\t' -> line.append("\\t");
				default -> {
					if (Character.isISOControl(c)) {
						line.append(String.format(Locale.ROOT, "\\u%04x", c));
					}
					else {
						line.appendCodePoint(c);
					}
				}
			}
		});
		return line.toString();
	}

	static int exitCode(OperationRefusedException refused) {
		return switch (refused.refusal()) {
			case BAD_REQUEST, NO_SUCH_JOB, INPUT_CHANGED -> ExitCodes.USAGE;
			case RUNNING, TOO_MANY_RUNS -> ExitCodes.ALREADY_RUNNING;
			case NO_SUCH_EXECUTION, WRONG_STATE -> ExitCodes.NOT_RESTARTABLE;
			case UNAVAILABLE -> ExitCodes.FAILED;
		};
	}

	/**
	 * What SIGTERM and SIGINT do while a command runs. The signal is caught before the JVM starts
	 * to shut down, so that the database (and H2's own shutdown hook) are still there while the
	 * chunks in flight commit: the runs of this process are asked to stop, and the command ends by
	 * itself, printing their summaries, with exit code 4. {@code serve} stops its runs, then stops
	 * serving. A command with no run to stop exits at once (unless it is about to end by itself). A
	 * second signal exits at once.
	 */
	private final class Signals implements AutoCloseable {

		private static final List<String> NAMES = List.of("TERM", "INT");

		private final SpringContext spring;

		private final List<SignalHandler> previous = new ArrayList<>();

		private final AtomicBoolean received = new AtomicBoolean();

		private final CountDownLatch commandDone = new CountDownLatch(1);

		Signals(SpringContext spring) {
			this.spring = spring;
			for (String name : NAMES) {
				try {
					this.previous.add(Signal.handle(new Signal(name), this::handle));
				}
				catch (IllegalArgumentException ex) {
					this.previous.add(null); // not a signal of this platform
				}
			}
		}

		private void handle(Signal signal) {
			int code = 128 + signal.getNumber();
			if (!this.received.compareAndSet(false, true)) {
				System.exit(code);
			}
			// off the signal's own thread, which must return for the JVM to go on
			SimpleAsyncTaskExecutor stopper = new SimpleAsyncTaskExecutor("stop-on-" + signal.getName() + "-");
			stopper.setDaemon(true);
			stopper.execute(() -> {
				try {
					stop(code);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			});
		}

		private void stop(int code) throws InterruptedException {
			LocalRuns localRuns = this.spring.beanIfStarted(LocalRuns.class);
			if (localRuns == null || (!localRuns.any() && !this.spring.isServing())) {
				// nothing to stop: a command about to end (a run that has just completed prints its
				// summary) ends with its own code, any other exits now
				if (!this.commandDone.await(5, TimeUnit.SECONDS)) {
					System.exit(code);
				}
				return;
			}
			OperationsProperties properties = this.spring.beanIfStarted(OperationsProperties.class);
			if (!this.spring.bean(RunInterventions.class).stopLocalRuns(properties.stopGracePeriod())) {
				BatchCli.this.err.println("the run did not stop within " + properties.stopGracePeriod().toSeconds()
						+ " s: it is left with steps running; once this process has ended, recover it, then restart it");
				BatchCli.this.err.flush();
				System.exit(ExitCodes.FAILED);
			}
			// the runs have ended STOPPED: a command following one prints its summary and exits 4;
			// serve stops serving
			this.spring.requestShutdown();
		}

		@Override
		public void close() {
			for (int i = 0; i < NAMES.size(); i++) {
				if (this.previous.get(i) != null) {
					Signal.handle(new Signal(NAMES.get(i)), this.previous.get(i));
				}
			}
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
