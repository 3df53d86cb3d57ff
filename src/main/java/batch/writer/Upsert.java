package batch.writer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Builds, from constant table and column names, the one upsert both MySQL and MariaDB accept:
 * {@code INSERT ... ON DUPLICATE KEY UPDATE c = VALUES(c)} (MariaDB rejects MySQL 8's
 * {@code AS new} alias). H2 in MySQL mode accepts it too.
 */
final class Upsert {

	/**
	 * Rows sent to the database per JDBC batch, within a chunk's transaction: a chunk of 1000
	 * contracts can carry 300,000 events, and the driver holds every row of a batch until it is
	 * sent, so one batch per chunk would need more heap than a 512 MB JVM has.
	 */
	static final int BATCH_ROWS = 5000;

	private Upsert() {
	}

	static String sql(String table, List<String> keyColumns, List<String> valueColumns) {
		List<String> columns = new ArrayList<>(keyColumns);
		columns.addAll(valueColumns);
		return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
				+ String.join(", ", Collections.nCopies(columns.size(), "?")) + ") ON DUPLICATE KEY UPDATE "
				+ valueColumns.stream().map((column) -> column + " = VALUES(" + column + ")").collect(Collectors.joining(", "));
	}

}
