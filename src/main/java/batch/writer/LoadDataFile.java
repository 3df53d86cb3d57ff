package batch.writer;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * Rows written as {@code LOAD DATA} reads them by default: fields separated by tabs, lines ended
 * by newlines, {@code \N} for NULL, and a backslash before any backslash, tab, newline, carriage
 * return or NUL in a text.
 */
final class LoadDataFile implements Row, AutoCloseable {

	private final Writer out;

	private boolean first = true;

	LoadDataFile(Path file) throws IOException {
		this.out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
	}

	@Override
	public void add(long value) {
		field(Long.toString(value));
	}

	@Override
	public void add(String value) {
		if (value == null) {
			field("\\N");
			return;
		}
		separate();
		try {
			for (int i = 0; i < value.length(); i++) {
				char c = value.charAt(i);
				switch (c) {
					case '\\' -> this.out.write("\\\\");
					case '\t' -> this.out.write("\\t");
					case '\n' -> this.out.write("\\n");
					case '\r' -> this.out.write("\\r");
					case '\0' -> this.out.write("\\0");
					default -> this.out.write(c);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void add(BigDecimal value) {
		field((value != null) ? value.toPlainString() : "\\N");
	}

	@Override
	public void add(LocalDate value) {
		field((value != null) ? value.toString() : "\\N");
	}

	/** Ends the current row. */
	void endRow() throws IOException {
		this.out.write('\n');
		this.first = true;
	}

	private void field(String text) {
		separate();
		try {
			this.out.write(text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void separate() {
		if (!this.first) {
			try {
				this.out.write('\t');
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		this.first = false;
	}

	@Override
	public void close() throws IOException {
		this.out.close();
	}

}
