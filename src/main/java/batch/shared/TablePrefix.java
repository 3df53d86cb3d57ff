package batch.shared;

import java.util.regex.Pattern;

/**
 * The prefix of Spring Batch's tables ({@code spring.batch.jdbc.table-prefix}), which statements
 * name tables with: a setting, not a value that can be bound, so it is held to an identifier (an
 * optional schema name and a dot, then letters, digits and underscores) and nothing in it can end
 * a name and start SQL of its own.
 */
public record TablePrefix(String prefix) {

	private static final Pattern IDENTIFIER = Pattern
		.compile("([A-Za-z_][A-Za-z0-9_]{0,63}\\.)?([A-Za-z_][A-Za-z0-9_]{0,63})?");

	public TablePrefix {
		if (prefix == null || !IDENTIFIER.matcher(prefix).matches()) {
			// the value is not repeated: a setting that is this wrong may be something else pasted
			throw new IllegalArgumentException("spring.batch.jdbc.table-prefix must be letters, digits and "
					+ "underscores, optionally after a schema name and a dot, e.g. BATCH_ or batch.BATCH_");
		}
	}

	/** A table of Spring Batch's, e.g. {@code JOB_EXECUTION}. */
	public String table(String name) {
		return this.prefix + name;
	}

}
