package batch.reader;

/**
 * One record of an input CSV file: the physical line it starts on and its fields, or, when it
 * cannot be read as a record, no fields and the reason why.
 *
 * @param lineNumber the physical line where the record starts, the header being line 1
 * @param values the fields, or null when the record is unreadable
 * @param problem why the record is unreadable, or null
 */
public record CsvRecord(long lineNumber, String[] values, String problem) {

	static CsvRecord of(long lineNumber, String[] values) {
		return new CsvRecord(lineNumber, values, null);
	}

	static CsvRecord unreadable(long lineNumber, String problem) {
		return new CsvRecord(lineNumber, null, problem);
	}

	public boolean readable() {
		return this.values != null;
	}

	/** The first field, trimmed and cut to a length that fits a reject record; empty if none. */
	public String firstField() {
		if (this.values == null || this.values.length == 0 || this.values[0] == null) {
			return "";
		}
		String key = this.values[0].trim();
		return (key.length() > 64) ? key.substring(0, 64) : key;
	}

	@Override
	public String toString() {
		return "CsvRecord[line=" + this.lineNumber + ", values withheld]";
	}

}
