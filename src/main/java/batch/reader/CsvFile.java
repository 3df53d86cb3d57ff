package batch.reader;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An input CSV file with a required header: opened only after the header is checked, so that a
 * wrong file stops a run before anything is written.
 */
public final class CsvFile {

	private static final char BYTE_ORDER_MARK = '\uFEFF';

	private final Path path;

	private final List<String> header;

	public CsvFile(Path path, List<String> header) {
		this.path = path;
		this.header = List.copyOf(header);
	}

	/** Checks that the file can be read and starts with the expected header. */
	public void check() {
		try (CsvRecordReader records = open()) {
			// open() reads and checks the header
		}
		catch (IOException ex) {
			throw unreadable(ex);
		}
	}

	/**
	 * Opens the file positioned after its header. Undecodable bytes become U+FFFD rather than
	 * stopping the run: the row they are in fails validation on its own.
	 */
	public CsvRecordReader open() {
		if (!Files.isRegularFile(this.path)) {
			throw new InputFileException(this.path + " does not exist or is not a file");
		}
		if (!Files.isReadable(this.path)) {
			throw new InputFileException(this.path + " cannot be read: check its permissions");
		}
		CsvRecordReader records = null;
		try {
			CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPLACE)
				.onUnmappableCharacter(CodingErrorAction.REPLACE);
			records = new CsvRecordReader(
					new BufferedReader(new InputStreamReader(Files.newInputStream(this.path), decoder), 1 << 16),
					this.header.size());
			checkHeader(records.next());
			return records;
		}
		catch (InputFileException ex) {
			closeQuietly(records);
			throw ex;
		}
		catch (IOException ex) {
			closeQuietly(records);
			throw unreadable(ex);
		}
	}

	// The header is checked by name, never echoed: a wrong first line may be a data row.
	private void checkHeader(CsvRecord first) {
		String expected = String.join(",", this.header);
		if (first == null) {
			throw new InputFileException(this.path + " is empty: it must start with the header " + expected);
		}
		if (!first.readable()) {
			throw new InputFileException(this.path + " has a header that is not valid CSV: expected " + expected);
		}
		List<String> names = new ArrayList<>(first.values().length);
		for (String name : first.values()) {
			names.add(name.trim());
		}
		if (!names.isEmpty() && !names.get(0).isEmpty() && names.get(0).charAt(0) == BYTE_ORDER_MARK) {
			names.set(0, names.get(0).substring(1).trim());
		}
		if (!names.equals(this.header)) {
			throw new InputFileException(this.path + " has the wrong header: expected " + expected);
		}
	}

	private InputFileException unreadable(IOException ex) {
		return new InputFileException(this.path + " cannot be read: " + ex.getClass().getSimpleName(), ex);
	}

	private static void closeQuietly(CsvRecordReader records) {
		if (records != null) {
			try {
				records.close();
			}
			catch (IOException ex) {
				// already failing: the first error is the one to report
			}
		}
	}

	public Path path() {
		return this.path;
	}

}
