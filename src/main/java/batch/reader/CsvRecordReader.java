package batch.reader;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

import com.opencsv.ICSVParser;
import com.opencsv.RFC4180ParserBuilder;

/**
 * Reads CSV records with opencsv's RFC 4180 parser, fed one physical line at a time, so that one
 * bad record cannot take the rest of the file with it: when a record that spans several lines does
 * not come out as a well-formed record of the expected width (an unbalanced quote, for instance),
 * only its first line is reported unreadable and reading resumes on the line after it.
 */
final class CsvRecordReader implements AutoCloseable {

	/** The longest physical line kept; a longer line is an unreadable record. */
	static final int MAX_LINE_LENGTH = 65_536;

	/** The most physical lines one record may span. */
	static final int MAX_LINES_PER_RECORD = 100;

	private final BoundedLineReader lines;

	private int expectedWidth;

	private final Deque<BoundedLineReader.Line> pushedBack = new ArrayDeque<>();

	CsvRecordReader(java.io.Reader reader) {
		this.lines = new BoundedLineReader(reader, MAX_LINE_LENGTH);
	}

	/**
	 * @param width the number of fields a record must have to be accepted as a multi-line record;
	 * 0 (the default, for a header) to accept any width
	 */
	void expectWidth(int width) {
		this.expectedWidth = width;
	}

	/** The next record, or null at the end of the file. */
	public CsvRecord next() throws IOException {
		BoundedLineReader.Line first = nextLine();
		if (first == null) {
			return null;
		}
		if (first.tooLong()) {
			return CsvRecord.unreadable(first.number(), "the line is longer than " + MAX_LINE_LENGTH + " characters");
		}
		ICSVParser parser = new RFC4180ParserBuilder().build();
		List<BoundedLineReader.Line> consumed = new ArrayList<>();
		consumed.add(first);
		String[] values = parser.parseLineMulti(first.text());
		while (parser.isPending()) {
			BoundedLineReader.Line line = (consumed.size() < MAX_LINES_PER_RECORD) ? nextLine() : null;
			if (line == null || line.tooLong()) {
				return resync(consumed, line, "a quoted field is not closed");
			}
			consumed.add(line);
			values = concat(values, parser.parseLineMulti(line.text()));
		}
		if (consumed.size() > 1 && this.expectedWidth > 0 && values.length != this.expectedWidth) {
			return resync(consumed, null, "a quoted field is not closed where it should be");
		}
		return CsvRecord.of(first.number(), values);
	}

	// Reports the first line alone and gives back the others, to be read again as records.
	private CsvRecord resync(List<BoundedLineReader.Line> consumed, BoundedLineReader.Line last, String problem) {
		if (last != null) {
			this.pushedBack.push(last);
		}
		for (int i = consumed.size() - 1; i >= 1; i--) {
			this.pushedBack.push(consumed.get(i));
		}
		return CsvRecord.unreadable(consumed.get(0).number(), problem);
	}

	private BoundedLineReader.Line nextLine() throws IOException {
		return this.pushedBack.isEmpty() ? this.lines.next() : this.pushedBack.pop();
	}

	private static String[] concat(String[] head, String[] tail) {
		String[] all = Arrays.copyOf(head, head.length + tail.length);
		System.arraycopy(tail, 0, all, head.length, tail.length);
		return all;
	}

	@Override
	public void close() throws IOException {
		this.lines.close();
	}

}
