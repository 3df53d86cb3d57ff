package batch.reader;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads physical lines (ended by LF, CRLF or CR) and counts them, holding at most a maximum
 * number of characters of any line: the rest of a longer line is read past, not buffered, so that
 * a corrupt file with a gigabyte-long line cannot exhaust the heap.
 */
final class BoundedLineReader {

	/** A physical line, or the number of a line that was too long to keep. */
	record Line(long number, String text) {

		boolean tooLong() {
			return this.text == null;
		}

	}

	private final Reader reader;

	private final int maxLength;

	private final StringBuilder buffer = new StringBuilder(256);

	private long lineNumber;

	private int lookahead = -2;

	BoundedLineReader(Reader reader, int maxLength) {
		this.reader = reader;
		this.maxLength = maxLength;
	}

	/** The next line without its terminator, or null at the end of the input. */
	Line next() throws IOException {
		this.buffer.setLength(0);
		boolean overflow = false;
		int c = read();
		if (c == -1) {
			return null;
		}
		while (c != -1 && c != '\n' && c != '\r') {
			if (this.buffer.length() < this.maxLength) {
				this.buffer.append((char) c);
			}
			else {
				overflow = true;
			}
			c = read();
		}
		if (c == '\r') {
			int next = read();
			if (next != '\n') {
				this.lookahead = next;
			}
		}
		this.lineNumber++;
		return new Line(this.lineNumber, overflow ? null : this.buffer.toString());
	}

	private int read() throws IOException {
		if (this.lookahead != -2) {
			int c = this.lookahead;
			this.lookahead = -2;
			return c;
		}
		return this.reader.read();
	}

	void close() throws IOException {
		this.reader.close();
	}

}
