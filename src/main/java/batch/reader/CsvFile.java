package batch.reader;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvException;

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
		try (CSVReader csv = open()) {
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
	public CSVReader open() {
		if (!Files.isRegularFile(this.path)) {
			throw new InputFileException(this.path + " does not exist or is not a file");
		}
		if (!Files.isReadable(this.path)) {
			throw new InputFileException(this.path + " cannot be read: check its permissions");
		}
		CSVReader csv = null;
		try {
			CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPLACE)
				.onUnmappableCharacter(CodingErrorAction.REPLACE);
			Reader reader = new java.io.InputStreamReader(Files.newInputStream(this.path), decoder);
			csv = Csv.reader(new java.io.BufferedReader(reader, 1 << 16));
			checkHeader(csv.readNext());
			return csv;
		}
		catch (IOException | CsvException | InputFileException ex) {
			closeQuietly(csv);
			if (ex instanceof InputFileException inputFileException) {
				throw inputFileException;
			}
			throw unreadable(ex);
		}
	}

	private void checkHeader(String[] first) {
		String expected = String.join(",", this.header);
		if (first == null) {
			throw new InputFileException(this.path + " is empty: it must start with the header " + expected);
		}
		List<String> names = new ArrayList<>(first.length);
		for (String name : first) {
			names.add(name.trim());
		}
		if (!names.isEmpty() && !names.get(0).isEmpty() && names.get(0).charAt(0) == BYTE_ORDER_MARK) {
			names.set(0, names.get(0).substring(1).trim());
		}
		if (!names.equals(this.header)) {
			throw new InputFileException(this.path + " has the wrong header: expected " + expected);
		}
	}

	private InputFileException unreadable(Exception ex) {
		return new InputFileException(this.path + " cannot be read: " + ex.getMessage(), ex);
	}

	private static void closeQuietly(CSVReader csv) {
		if (csv != null) {
			try {
				csv.close();
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
