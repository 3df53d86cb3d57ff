package batch.writer;

import java.io.IOException;
import java.io.OutputStreamWriter;
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
 * return or NUL in a text. Characters gather in a buffer of its own, handed to the UTF-8 encoder
 * 64 K at a time: a writer takes a lock on every call, and a row has a dozen fields.
 */
final class LoadDataFile implements Row, AutoCloseable {

	private final Writer out;

	private final char[] buffer = new char[1 << 16];

	private int length;

	private final char[] digits = new char[20];

	private boolean first = true;

	LoadDataFile(Path file) throws IOException {
		this.out = new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8);
	}

	@Override
	public void add(long value) {
		separate();
		if (value == Long.MIN_VALUE) {
			put(Long.toString(value));
			return;
		}
		if (value < 0) {
			put('-');
		}
		putDigits(Math.abs(value), 0);
	}

	@Override
	public void add(String value) {
		separate();
		if (value == null) {
			put("\\N");
			return;
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '\\' -> put("\\\\");
				case '\t' -> put("\\t");
				case '\n' -> put("\\n");
				case '\r' -> put("\\r");
				case '\0' -> put("\\0");
				default -> put(c);
			}
		}
	}

	/** As {@link BigDecimal#toPlainString()} writes it, without the string for the common case. */
	@Override
	public void add(BigDecimal value) {
		separate();
		if (value == null) {
			put("\\N");
		}
		else if (value.scale() >= 0 && value.scale() < this.digits.length && value.precision() <= 18) {
			long unscaled = value.unscaledValue().longValue();
			if (unscaled < 0) {
				put('-');
			}
			putDigits(Math.abs(unscaled), value.scale());
		}
		else {
			put(value.toPlainString());
		}
	}

	@Override
	public void add(LocalDate value) {
		separate();
		put((value != null) ? value.toString() : "\\N");
	}

	/** Ends the current row. */
	void endRow() {
		put('\n');
		this.first = true;
	}

	// a non-negative number of at most 19 digits, the last scale of them after a point, with a
	// zero before the point when there is no other
	private void putDigits(long magnitude, int scale) {
		int at = this.digits.length;
		long rest = magnitude;
		do {
			this.digits[--at] = (char) ('0' + rest % 10);
			rest /= 10;
		}
		while (rest != 0);
		while (this.digits.length - at <= scale) {
			this.digits[--at] = '0';
		}
		int point = this.digits.length - scale;
		for (int i = at; i < this.digits.length; i++) {
			if (i == point) {
				put('.');
			}
			put(this.digits[i]);
		}
	}

	private void separate() {
		if (!this.first) {
			put('\t');
		}
		this.first = false;
	}

	private void put(String text) {
		for (int i = 0; i < text.length(); i++) {
			put(text.charAt(i));
		}
	}

	private void put(char c) {
		if (this.length == this.buffer.length) {
			flush();
		}
		this.buffer[this.length++] = c;
	}

	private void flush() {
		try {
			this.out.write(this.buffer, 0, this.length);
			this.length = 0;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() throws IOException {
		try {
			flush();
		}
		finally {
			this.out.close();
		}
	}

}
