package batch.writer;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An upsert into one table, from constant table and column names, and the way to give one item's
 * values as a {@link Row}. As SQL it is the one upsert both MySQL and MariaDB accept:
 * {@code INSERT ... ON DUPLICATE KEY UPDATE c = VALUES(c)} (MariaDB rejects MySQL 8's {@code AS new}
 * alias), which H2 in MySQL mode accepts too. As a bulk load it is
 * {@code LOAD DATA LOCAL INFILE ... REPLACE}: the same outcome where, as here, every column is
 * given.
 *
 * @param <T> the item a row is made from
 */
final class Upsert<T> {

	/**
	 * Rows sent to the database per JDBC batch, within a chunk's transaction: a chunk of 1000
	 * contracts can carry 300,000 events, and the driver holds every row of a batch until it is
	 * sent, so one batch per chunk would need more heap than a 512 MB JVM has.
	 */
	static final int BATCH_ROWS = 5000;

	private final String table;

	private final List<String> columns;

	private final String sql;

	private final Binder<T> binder;

	Upsert(String table, List<String> keyColumns, List<String> valueColumns, Binder<T> binder) {
		this.table = table;
		this.columns = new ArrayList<>(keyColumns);
		this.columns.addAll(valueColumns);
		this.sql = sql(table, keyColumns, valueColumns);
		this.binder = binder;
	}

	static String sql(String table, List<String> keyColumns, List<String> valueColumns) {
		List<String> columns = new ArrayList<>(keyColumns);
		columns.addAll(valueColumns);
		return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
				+ String.join(", ", Collections.nCopies(columns.size(), "?")) + ") ON DUPLICATE KEY UPDATE "
				// a table of keys alone: the row is there already, and setting a key to itself keeps it
				+ (valueColumns.isEmpty() ? keyColumns.subList(0, 1) : valueColumns).stream()
					.map((column) -> column + " = VALUES(" + column + ")")
					.collect(Collectors.joining(", "));
	}

	String table() {
		return this.table;
	}

	String sql() {
		return this.sql;
	}

	/**
	 * The bulk load of a file the application wrote itself, in its own spool directory: the
	 * file's name is the only value in the statement, and {@link batch.database.LoadDataSpool}
	 * refuses a directory whose name would need quoting. The file is in {@code LOAD DATA}'s default
	 * format (tab-separated, backslash escapes, LF line ends), so the statement names none, and
	 * reads the same whatever the session's SQL mode.
	 */
	String loadDataSql(Path file) {
		return "LOAD DATA LOCAL INFILE '" + file + "' REPLACE INTO TABLE " + this.table + " CHARACTER SET utf8mb4 ("
				+ String.join(", ", this.columns) + ")";
	}

	void bind(T item, PreparedStatement ps) throws SQLException {
		this.binder.bind(item, new StatementRow(ps));
	}

	void bind(T item, Row row) throws SQLException {
		this.binder.bind(item, row);
	}

	/** Gives one item's values, in column order. */
	@FunctionalInterface
	interface Binder<T> {

		void bind(T item, Row row) throws SQLException;

	}

	private static final class StatementRow implements Row {

		private final PreparedStatement ps;

		private int index = 1;

		StatementRow(PreparedStatement ps) {
			this.ps = ps;
		}

		@Override
		public void add(long value) throws SQLException {
			this.ps.setLong(this.index++, value);
		}

		@Override
		public void add(String value) throws SQLException {
			this.ps.setString(this.index++, value);
		}

		@Override
		public void add(BigDecimal value) throws SQLException {
			if (value == null) {
				this.ps.setNull(this.index++, Types.DECIMAL);
			}
			else {
				this.ps.setBigDecimal(this.index++, value);
			}
		}

		@Override
		public void add(LocalDate value) throws SQLException {
			if (value == null) {
				this.ps.setNull(this.index++, Types.DATE);
			}
			else {
				// bound as a LocalDate: connector-j formats a java.sql.Date through SimpleDateFormat
				this.ps.setObject(this.index++, value, Types.DATE);
			}
		}

	}

}
