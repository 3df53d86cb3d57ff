package batch.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import batch.BatchApplication;
import batch.cli.BatchCli;

/** The command line run in this JVM, as {@code ./batch} runs it, with its output captured. */
public final class Cli {

	private Cli() {
	}

	/** What a command did: its exit code, its standard output and its error output. */
	public record Run(int exitCode, String out, String err) {

	}

	public static Run run(String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int exitCode = new BatchCli(BatchApplication.class, new PrintWriter(out, true), new PrintWriter(err, true))
			.run(args);
		return new Run(exitCode, out.toString(), err.toString());
	}

	/** The command on a test database of {@link TestDatabase#newDatabaseUrl}. */
	public static Run onDatabase(String url, String... args) {
		List<String> all = new ArrayList<>(List.of(args));
		all.add("--spring.datasource.url=" + url);
		all.add("--spring.datasource.username=" + TestDatabase.username());
		all.add("--spring.datasource.password=" + TestDatabase.password());
		return run(all.toArray(String[]::new));
	}

	/** The command with the logs, which go to standard error, added to its error output. */
	public static Run withLogs(Supplier<Run> command) {
		Logged logged = logged(command);
		return new Run(logged.run().exitCode(), logged.run().out(), logged.run().err() + logged.logs());
	}

	/** What a command did, and the logs it wrote to standard error meanwhile, apart. */
	public record Logged(Run run, String logs) {

	}

	/** The command with its logs kept apart from its own error output. */
	public static Logged logged(Supplier<Run> command) {
		PrintStream original = System.err;
		ByteArrayOutputStream logs = new ByteArrayOutputStream();
		System.setErr(new PrintStream(logs, true, StandardCharsets.UTF_8));
		try {
			Run run = command.get();
			return new Logged(run, logs.toString(StandardCharsets.UTF_8));
		}
		finally {
			System.setErr(original);
		}
	}

}
