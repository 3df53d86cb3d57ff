package batch.reader;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
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

	private final HeaderRule rule;

	private List<String> header;

	private HashingInputStream hashing;

	/** Checks the column names of a header; throws {@link InputFileException} saying what is wrong. */
	@FunctionalInterface
	public interface HeaderRule {

		void check(Path path, List<String> names);

	}

	/** A file whose header must be exactly these names, in this order. */
	public CsvFile(Path path, List<String> header) {
		this(path, exactly(List.copyOf(header)));
	}

	public CsvFile(Path path, HeaderRule rule) {
		this.path = path;
		this.rule = rule;
	}

	private static HeaderRule exactly(List<String> expected) {
		return (path, names) -> {
			if (!names.equals(expected)) {
				throw new InputFileException(path + " has the wrong header: expected " + String.join(",", expected));
			}
		};
	}

	/** The column names of the header, once the file has been checked or opened. */
	public List<String> header() {
		if (this.header == null) {
			check();
		}
		return this.header;
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
			this.hashing = new HashingInputStream(Files.newInputStream(this.path));
			BufferedReader reader = new BufferedReader(new InputStreamReader(this.hashing, decoder), 1 << 16);
			// owns the reader from here: closed with it
			records = new CsvRecordReader(reader);
			// a byte order mark goes before the CSV is parsed: a quoted first name follows it
			reader.mark(1);
			if (reader.read() != BYTE_ORDER_MARK) {
				reader.reset();
			}
			this.header = checkHeader(records.next());
			records.expectWidth(this.header.size());
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
	private List<String> checkHeader(CsvRecord first) {
		if (first == null) {
			throw new InputFileException(this.path + " is empty: it must start with a header row");
		}
		if (!first.readable()) {
			throw new InputFileException(this.path + " has a header that is not valid CSV");
		}
		List<String> names = new ArrayList<>(first.values().length);
		for (String name : first.values()) {
			names.add(name.trim());
		}
		this.rule.check(this.path, names);
		return List.copyOf(names);
	}

	// The system's reason, as "Permission denied" or "Input/output error": never the exception's
	// class, and never its message where that is only the path again.
	private InputFileException unreadable(IOException ex) {
		String reason = (ex instanceof FileSystemException fs) ? fs.getReason() : ex.getMessage();
		return new InputFileException(this.path + " cannot be read: "
				+ ((reason != null && !reason.isBlank()) ? reason : "an input/output error"), ex);
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

	/** The bytes of the file last opened that have been read so far, its header's included. */
	long bytesRead() {
		return (this.hashing != null) ? this.hashing.bytesRead() : 0;
	}

	/** The SHA-256 of the file last opened, once it has been read to the end; null before. */
	String sha256OfWhatWasRead() {
		return (this.hashing != null) ? this.hashing.sha256() : null;
	}

}
