package batch.logging;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * The last line of standard error on a terminal, which the progress bar holds while a run goes
 * on: the one owner of that line, so that a log line never runs through the bar. The bar is
 * redrawn in place; a log line first clears the bar's line ({@code \r} and erase line,
 * {@code ESC[2K}), is written, and the bar is drawn again below it.
 */
public final class TerminalLine {

	/** Carriage return, then ANSI "erase in line", the whole line. */
	static final String CLEAR = "\r\033[2K";

	// System.err as it is at each write: tests and Spring Boot may replace it
	private static final TerminalLine STANDARD_ERROR = new TerminalLine(() -> System.err);

	private final Supplier<? extends OutputStream> stream;

	private String bar;

	/** The line of a stream, looked up at each write. */
	public TerminalLine(Supplier<? extends OutputStream> stream) {
		this.stream = stream;
	}

	/** The last line of the process's standard error, where logs and the progress bar go. */
	public static TerminalLine standardError() {
		return STANDARD_ERROR;
	}

	/** Draws the bar over the one drawn before, and keeps it below the log lines to come. */
	public synchronized void draw(String bar) {
		this.bar = bar;
		write(CLEAR + bar);
	}

	/** Clears the bar's line: nothing is drawn below the log lines any more. */
	public synchronized void clear() {
		if (this.bar != null) {
			this.bar = null;
			write(CLEAR);
		}
	}

	/**
	 * Writes a log line (or anything that ends with a line break) to the same stream: with a bar
	 * drawn, its line is cleared first and the bar is drawn again after.
	 */
	public synchronized void print(Output output) throws IOException {
		if (this.bar == null) {
			output.write();
			return;
		}
		write(CLEAR);
		output.write();
		write(this.bar);
	}

	private void write(String text) {
		try {
			OutputStream out = this.stream.get();
			out.write(text.getBytes(StandardCharsets.UTF_8));
			out.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Writes to the line's stream. */
	@FunctionalInterface
	public interface Output {

		void write() throws IOException;

	}

}
