package batch.reader;

import java.io.IOException;
import java.util.ArrayList;

import batch.shared.StepKeys;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads an input CSV file record by record, each with the physical line it starts on; a record
 * that cannot be read comes back without values, so that it is rejected, not lost.
 * <p>
 * It is the one reader of its file in a step: it puts the header it checked in the step's execution
 * context ({@link StepKeys#HEADER}) for the processor and reject records that need the columns,
 * and estimates the records to expect from the bytes it has read, for progress, without a pass of
 * its own.
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

	private long read;

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
		this.read = 0;
		this.fingerprint.recordIn(executionContext, this.file.path());
		this.recorded = false;
		executionContext.put(StepKeys.HEADER, new ArrayList<>(this.file.header()));
	}

	@Override
	public CsvRecord read() {
		try {
			CsvRecord record = this.records.next();
			if (record != null) {
				this.read++;
			}
			if (record == null && this.fingerprint.sha256() == null) {
				this.fingerprint = this.fingerprint.withSha256(this.file.sha256OfWhatWasRead());
			}
			return record;
		}
		catch (IOException ex) {
			throw new ItemStreamException("cannot read " + this.file.path() + ": " + ex.getMessage(), ex);
		}
	}

	// At each commit: the records expected, and once the end has been read, the file's SHA-256.
	@Override
	public void update(ExecutionContext executionContext) {
		if (this.fingerprint != null) {
			executionContext.putLong(StepKeys.EXPECTED_ITEMS, expectedRecords());
		}
		if (this.fingerprint != null && this.fingerprint.sha256() != null && !this.recorded) {
			this.fingerprint.recordIn(executionContext, this.file.path());
			this.recorded = true;
		}
	}

	// The records so far, scaled by the bytes still to read: an estimate that needs no pass of its
	// own, close once a chunk has been read (the reader's buffer runs ahead of the records by at
	// most 64 KiB), never below what was read, and exact once the end has been read.
	private long expectedRecords() {
		long bytes = this.file.bytesRead();
		if (this.fingerprint.sha256() != null || bytes <= 0) {
			return this.read;
		}
		return Math.max(this.read, Math.round((double) this.read * this.fingerprint.size() / bytes));
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
