package batch.reader;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads physical lines (ended by LF, CRLF or CR) and counts them, holding at most a maximum
 * number of characters of any line: the rest of a longer line is read past, not buffered, so that
 * a corrupt file with a gigabyte-long line cannot exhaust the heap. Characters are read and
 * scanned a block at a time, so that such a line is skipped at the speed of the disk.
 */
final class BoundedLineReader {

	/** A physical line, or the number of a line that was too long to keep. */
	record Line(long number, String text) {

		boolean tooLong() {
			return this.text == null;
		}

	}

	private static final int BLOCK = 1 << 16;

	private final Reader reader;

	private final int maxLength;

	private final char[] block = new char[BLOCK];

	private int position;

	private int limit;

	private final StringBuilder buffer = new StringBuilder(256);

	private long lineNumber;

	// the last line ended with CR: an LF that follows belongs to it
	private boolean afterCarriageReturn;

	BoundedLineReader(Reader reader, int maxLength) {
		this.reader = reader;
		this.maxLength = maxLength;
	}

	/** The next line without its terminator, or null at the end of the input. */
	Line next() throws IOException {
		this.buffer.setLength(0);
		boolean overflow = false;
		boolean started = false;
		while (true) {
			if (this.position == this.limit && !fill()) {
				if (!started) {
					return null;
				}
				break;
			}
			if (this.afterCarriageReturn) {
				this.afterCarriageReturn = false;
				if (this.block[this.position] == '\n') {
					this.position++;
					continue;
				}
			}
			started = true;
			int start = this.position;
			int end = endOfText(start);
			int room = this.maxLength - this.buffer.length();
			if (end - start > room) {
				overflow = true;
			}
			this.buffer.append(this.block, start, Math.min(end - start, Math.max(room, 0)));
			this.position = end;
			if (end < this.limit) {
				this.afterCarriageReturn = this.block[end] == '\r';
				this.position++;
				break;
			}
		}
		this.lineNumber++;
		return new Line(this.lineNumber, overflow ? null : this.buffer.toString());
	}

	// the index of the first line end at or after start in the block, or its limit
	private int endOfText(int start) {
		char[] chars = this.block;
		for (int i = start; i < this.limit; i++) {
			char c = chars[i];
			if (c == '\n' || c == '\r') {
				return i;
			}
		}
		return this.limit;
	}

	private boolean fill() throws IOException {
		int read;
		do {
			read = this.reader.read(this.block, 0, BLOCK);
		}
		while (read == 0);
		this.position = 0;
		this.limit = Math.max(read, 0);
		return read > 0;
	}

	void close() throws IOException {
		this.reader.close();
	}

}
