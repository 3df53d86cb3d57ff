package batch.writer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * Rows written as {@code LOAD DATA} reads them by default: fields separated by tabs, lines ended
 * by newlines, {@code \N} for NULL, and a backslash before any backslash, tab, newline, carriage
 * return or NUL in a text; UTF-8. Written by hand rather than through a {@code Writer}: this is
 * the inner loop of both jobs' writes (a million policies are 20 million rows of 20 fields), and
 * a writer takes a lock on every call, encodes every character and formats a decimal through a
 * string. Here bytes gather in a buffer of its own, flushed 64 K at a time; ASCII text is copied
 * as it is, other text encoded by the JDK; a decimal's digits come straight from its unscaled
 * value.
 */
final class LoadDataFile implements Row, AutoCloseable {

	// the longest field written without a string: a sign, 19 digits, a point and a zero
	private static final int LONGEST_NUMBER = 22;

	private static final long[] POWERS_OF_TEN = new long[19];

	private static final byte[] DIGIT_TENS = new byte[100];

	private static final byte[] DIGIT_ONES = new byte[100];

	static {
		POWERS_OF_TEN[0] = 1;
		for (int i = 1; i < POWERS_OF_TEN.length; i++) {
			POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
		}
		for (int i = 0; i < 100; i++) {
			DIGIT_TENS[i] = (byte) ('0' + i / 10);
			DIGIT_ONES[i] = (byte) ('0' + i % 10);
		}
	}

	private final OutputStream out;

	private final byte[] buffer = new byte[1 << 16];

	private int length;

	private boolean first = true;

	LoadDataFile(Path file) throws IOException {
		this.out = Files.newOutputStream(file);
	}

	@Override
	public void add(long value) {
		separate();
		if (value == Long.MIN_VALUE) {
			putAscii(Long.toString(value));
			return;
		}
		room(LONGEST_NUMBER);
		if (value < 0) {
			this.buffer[this.length++] = '-';
		}
		putDigits(Math.abs(value), 0);
	}

	@Override
	public void add(String value) {
		separate();
		if (value == null) {
			putAscii("\\N");
			return;
		}
		int length = value.length();
		if (length < this.buffer.length / 4) {
			// printable ASCII, the common case (codes, hashes, ciphertext), copied without escapes
			room(length);
			int start = this.length;
			int i = 0;
			while (i < length) {
				char c = value.charAt(i);
				if (c < ' ' || c > '~' || c == '\\') {
					break;
				}
				this.buffer[start + i] = (byte) c;
				i++;
			}
			this.length = start + i;
			if (i < length) {
				putRest(value, i);
			}
		}
		else {
			putRest(value, 0);
		}
	}

	// the text from index from on, escaped
	private void putRest(String value, int from) {
		for (int i = from; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c >= 0x80) {
				putEncoded(value, i);
				return;
			}
			putEscaped(c);
		}
	}

	/** As {@link BigDecimal#toPlainString()} writes it, without the string for the common case. */
	@Override
	public void add(BigDecimal value) {
		separate();
		if (value == null) {
			putAscii("\\N");
			return;
		}
		int scale = value.scale();
		if (scale >= 0 && scale < 20 && value.precision() <= 18) {
			// the unscaled value as a long: at scale 0 a compact decimal gives it without making a
			// BigInteger, as unscaledValue() would
			long unscaled = value.scaleByPowerOfTen(scale).longValue();
			room(LONGEST_NUMBER);
			if (unscaled < 0) {
				this.buffer[this.length++] = '-';
			}
			putDigits(Math.abs(unscaled), scale);
		}
		else {
			putAscii(value.toPlainString());
		}
	}

	@Override
	public void add(LocalDate value) {
		separate();
		putAscii((value != null) ? value.toString() : "\\N");
	}

	/** Ends the current row. */
	void endRow() {
		room(1);
		this.buffer[this.length++] = '\n';
		this.first = true;
	}

	// a non-negative number of at most 19 digits, the last scale of them after a point, with a
	// zero before the point when there is no other; the buffer has room for it. Two digits a
	// division, in int arithmetic once the rest fits: a division of a long is the slow part.
	private void putDigits(long magnitude, int scale) {
		int digits = 1;
		while (digits < POWERS_OF_TEN.length && magnitude >= POWERS_OF_TEN[digits]) {
			digits++;
		}
		int before = Math.max(digits - scale, 1);
		int end = this.length + before + ((scale > 0) ? 1 + scale : 0);
		int point = (scale > 0) ? end - scale - 1 : -1;
		int at = end;
		long rest = magnitude;
		int written = 0;
		int total = Math.max(digits, scale + 1);
		while (rest > Integer.MAX_VALUE) {
			int pair = (int) (rest % 100);
			rest /= 100;
			at = putDigit(at, point, DIGIT_ONES[pair]);
			at = putDigit(at, point, DIGIT_TENS[pair]);
			written += 2;
		}
		int small = (int) rest;
		while (written < total) {
			int pair = small % 100;
			small /= 100;
			at = putDigit(at, point, DIGIT_ONES[pair]);
			written++;
			if (written < total) {
				at = putDigit(at, point, DIGIT_TENS[pair]);
				written++;
			}
		}
		this.length = end;
	}

	// writes a digit before position at, and the point before it where the point falls
	private int putDigit(int at, int point, byte digit) {
		int position = at - 1;
		if (position == point) {
			this.buffer[position] = '.';
			position--;
		}
		this.buffer[position] = digit;
		return position;
	}

	// the text from index from on, encoded as UTF-8 by the JDK (a lone surrogate as '?'), then
	// escaped byte by byte: no byte of a multi-byte sequence is below 0x80
	private void putEncoded(String value, int from) {
		for (byte b : value.substring(from).getBytes(StandardCharsets.UTF_8)) {
			putEscaped(b);
		}
	}

	private void putEscaped(int c) {
		room(2);
		switch (c) {
			case '\\' -> putPair('\\');
			case '\t' -> putPair('t');
			case '\n' -> putPair('n');
			case '\r' -> putPair('r');
			case '\0' -> putPair('0');
			default -> this.buffer[this.length++] = (byte) c;
		}
	}

	private void putPair(char escaped) {
		this.buffer[this.length++] = '\\';
		this.buffer[this.length++] = (byte) escaped;
	}

	private void separate() {
		if (!this.first) {
			room(1);
			this.buffer[this.length++] = '\t';
		}
		this.first = false;
	}

	// text known to be ASCII with nothing to escape: numbers, dates, \N
	private void putAscii(String text) {
		for (int i = 0; i < text.length(); i++) {
			room(1);
			this.buffer[this.length++] = (byte) text.charAt(i);
		}
	}

	private void room(int bytes) {
		if (this.length + bytes > this.buffer.length) {
			flush();
		}
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
