package batch.reader;

/**
 * One record of the policies file as the CSV parser saw it: the physical line it starts on and
 * its values, or no values when the parser could not read it.
 *
 * @param lineNumber the physical line where the record starts, the header being line 1
 * @param values the fields, or null when the record is unreadable
 */
public record PolicyLine(long lineNumber, String[] values) {

	public boolean readable() {
		return this.values != null;
	}

	/** The first field, trimmed and cut to a length that fits a reject record; empty if none. */
	public String recordKey() {
		if (this.values == null || this.values.length == 0 || this.values[0] == null) {
			return "";
		}
		String key = this.values[0].trim();
		return (key.length() > 64) ? key.substring(0, 64) : key;
	}

	@Override
	public String toString() {
		return "PolicyLine[line=" + this.lineNumber + ", values withheld]";
	}

}
