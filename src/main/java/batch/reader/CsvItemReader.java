package batch.reader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;

import batch.shared.StepKeys;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads an input CSV file record by record, each with the physical line it starts on; a record
 * that cannot be read comes back without values, so that it is rejected, not lost.
 * <p>
 * It keeps no position: a restarted import reads the file again from the top, which re-detects
 * duplicates and rewrites the same rows (every write is an upsert). It records in the step's
 * execution context the file's {@link FileFingerprint}, its SHA-256 once it has read the end, so
 * that a restart can refuse a file that is not the one the run read.
 */
public class CsvItemReader implements ItemStreamReader<CsvRecord> {

	private final CsvFile file;

	private CsvRecordReader records;

	private FileFingerprint fingerprint;

	private boolean recorded;

	public CsvItemReader(CsvFile file) {
		this.file = file;
	}

	@Override
	public void open(ExecutionContext executionContext) {
		try {
			this.fingerprint = FileFingerprint.stat(this.file.path());
		}
		catch (IOException ex) {
			throw new ItemStreamException("cannot read " + this.file.path() + ": " + ex.getMessage(), ex);
		}
		this.records = this.file.open();
		this.fingerprint.recordIn(executionContext, this.file.path());
		this.recorded = false;
		if (!executionContext.containsKey(StepKeys.EXPECTED_ITEMS)) {
			executionContext.putLong(StepKeys.EXPECTED_ITEMS, dataLines());
		}
	}

	// The lines after the header: as many records as the file holds, unless a quoted field spans
	// lines. For progress only.
	private long dataLines() {
		long lines = 0;
		boolean open = false;
		byte[] buffer = new byte[1 << 16];
		try (InputStream in = Files.newInputStream(this.file.path())) {
			for (int read = in.read(buffer); read > 0; read = in.read(buffer)) {
				for (int i = 0; i < read; i++) {
					if (buffer[i] == '\n') {
						lines++;
						open = false;
					}
					else {
						open = true;
					}
				}
			}
		}
		catch (IOException ex) {
			throw new ItemStreamException("cannot read " + this.file.path() + ": " + ex.getMessage(), ex);
		}
		return Math.max(0, lines + (open ? 1 : 0) - 1);
	}

	@Override
	public CsvRecord read() {
		try {
			CsvRecord record = this.records.next();
			if (record == null && this.fingerprint.sha256() == null) {
				this.fingerprint = this.fingerprint.withSha256(this.file.sha256OfWhatWasRead());
			}
			return record;
		}
		catch (IOException ex) {
			throw new ItemStreamException("cannot read " + this.file.path() + ": " + ex.getMessage(), ex);
		}
	}

	// At each commit: once the end has been read, with the file's SHA-256.
	@Override
	public void update(ExecutionContext executionContext) {
		if (this.fingerprint != null && this.fingerprint.sha256() != null && !this.recorded) {
			this.fingerprint.recordIn(executionContext, this.file.path());
			this.recorded = true;
		}
	}

	@Override
	public void close() {
		if (this.records != null) {
			try {
				this.records.close();
			}
			catch (IOException ex) {
				throw new ItemStreamException("cannot close " + this.file.path(), ex);
			}
			this.records = null;
		}
	}

}
