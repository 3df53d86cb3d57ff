package batch.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged application ({@code target/batch.jar}, built by {@code ./mvnw verify} before the
 * integration tests) in a process of its own, as operators start it, with its standard output
 * and error in files: {@link Process#destroy()} would close a pipe before it is read.
 */
public final class BatchProcess {

	private static final Path JAR = Path.of("target/batch.jar").toAbsolutePath();

	private final Process process;

	private final Path out;

	private final Path err;

	private BatchProcess(Process process, Path out, Path err) {
		this.process = process;
		this.out = out;
		this.err = err;
	}

	public static BatchProcess start(Path directory, List<String> args) {
		return start(directory, "512m", args);
	}

	/** The application with a heap of at most {@code maxHeap} ({@code -Xmx}, e.g. 128m). */
	public static BatchProcess start(Path directory, String maxHeap, List<String> args) {
		return start(directory, maxHeap, null, args);
	}

	/**
	 * The application started in {@code workingDirectory}, where the embedded database's
	 * {@code ./data} goes (null: this process's working directory).
	 */
	public static BatchProcess startIn(Path workingDirectory, Path directory, List<String> args) {
		return start(directory, "512m", workingDirectory, args);
	}

	private static BatchProcess start(Path directory, String maxHeap, Path workingDirectory, List<String> args) {
		assertThat(JAR).as("the packaged application: run the tests with ./mvnw verify").exists();
		List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
				"-Xmx" + maxHeap, "-jar", JAR.toString()));
		command.addAll(args);
		String name = "child-" + System.nanoTime();
		Path out = directory.resolve(name + ".out");
		Path err = directory.resolve(name + ".err");
		ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
		if (workingDirectory != null) {
			builder.directory(workingDirectory.toFile());
		}
		TestKeys.addTo(builder.environment());
		try {
			return new BatchProcess(builder.start(), out, err);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public Process process() {
		return this.process;
	}

	public long pid() {
		return this.process.pid();
	}

	public String out() {
		return read(this.out);
	}

	public String err() {
		return read(this.err);
	}

	/** Waits until standard output or error has a match of {@code pattern}; returns it. */
	public Matcher await(Pattern pattern, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			Matcher matcher = pattern.matcher(out() + err());
			if (matcher.find()) {
				return matcher;
			}
			assertThat(this.process.isAlive()).as("the process still runs, waiting for " + pattern + ":\n" + err())
				.isTrue();
			assertThat(System.nanoTime()).as("in time: " + pattern).isLessThan(deadline);
			Thread.sleep(100);
		}
	}

	/** SIGKILL, and waits for the end. */
	public void kill() throws InterruptedException {
		this.process.destroyForcibly();
		this.process.waitFor();
	}

	private static String read(Path file) {
		try {
			return Files.exists(file) ? Files.readString(file) : "";
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
