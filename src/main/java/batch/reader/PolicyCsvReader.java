package batch.reader;

import java.io.IOException;

import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvException;
import com.opencsv.exceptions.CsvMalformedLineException;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads the policies file record by record with the physical line each starts on. A record the
 * parser cannot read comes back without values, so that it is rejected, not lost.
 * <p>
 * It keeps no position: a restarted import reads the file again from the top, which re-detects
 * duplicates and rewrites the same rows (every write is an upsert).
 */
public class PolicyCsvReader implements ItemStreamReader<PolicyLine> {

	private final CsvFile file;

	private CSVReader csv;

	private boolean exhausted;

	public PolicyCsvReader(CsvFile file) {
		this.file = file;
	}

	@Override
	public void open(ExecutionContext executionContext) {
		this.csv = this.file.open();
		this.exhausted = false;
	}

	@Override
	public PolicyLine read() {
		if (this.exhausted) {
			return null;
		}
		long line = this.csv.getLinesRead() + 1;
		try {
			String[] values = this.csv.readNext();
			return (values != null) ? new PolicyLine(line, values) : null;
		}
		catch (CsvMalformedLineException ex) {
			// An unclosed quote: the parser has read to the end of the file looking for its end, and
			// what it read is one unreadable record, as for any CSV reader.
			this.exhausted = true;
			return new PolicyLine(line, null);
		}
		catch (CsvException ex) {
			return new PolicyLine(line, null);
		}
		catch (IOException ex) {
			throw new ItemStreamException("cannot read " + this.file.path() + " after line " + line, ex);
		}
	}

	@Override
	public void close() {
		if (this.csv != null) {
			try {
				this.csv.close();
			}
			catch (IOException ex) {
				throw new ItemStreamException("cannot close " + this.file.path(), ex);
			}
			this.csv = null;
		}
	}

}
