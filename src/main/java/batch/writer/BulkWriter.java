package batch.writer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.List;

import batch.database.LoadDataSpool;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.StatementCallback;
import org.springframework.stereotype.Component;

/**
 * Writes result rows in the chunk's transaction by the fastest way the database offers. On MySQL
 * and MariaDB servers that allow it ({@code local_infile=ON}) that is {@code LOAD DATA LOCAL INFILE}
 * from a file in the {@link LoadDataSpool}, several times faster than batched statements because
 * the server parses plain text instead of one bound statement per row. A warning from the load
 * (a value truncated or converted) fails the chunk, so that nothing is changed silently.
 * Elsewhere (H2, a server with {@code local_infile=OFF}, or {@code batch.writer.load-data=false})
 * rows go in JDBC batches of {@link Upsert#BATCH_ROWS}.
 */
@Component
@EnableConfigurationProperties(WriterProperties.class)
class BulkWriter {

	private static final Log logger = LogFactory.getLog(BulkWriter.class);

	private final JdbcTemplate jdbc;

	private final LoadDataSpool spool;

	private final boolean loadDataWanted;

	private volatile Boolean loadData;

	BulkWriter(JdbcTemplate jdbc, LoadDataSpool spool, WriterProperties properties) {
		this.jdbc = jdbc;
		this.spool = spool;
		this.loadDataWanted = properties.loadData();
	}

	/** Upserts one row per item, in the order given. */
	<T> void upsert(Upsert<T> upsert, List<? extends T> items) {
		if (items.isEmpty()) {
			return;
		}
		if (loadData(upsert)) {
			load(upsert, items);
		}
		else {
			this.jdbc.batchUpdate(upsert.sql(), items, Upsert.BATCH_ROWS, (ps, item) -> upsert.bind(item, ps));
		}
	}

	/**
	 * Whether rows are written by {@code LOAD DATA}, decided on first use by loading an empty
	 * file: that succeeds only where both the server ({@code local_infile=ON}) and the
	 * connection (a MySQL URL, which {@code DataSourceDefaults} lets read the spool directory)
	 * allow it.
	 */
	boolean loadData(Upsert<?> upsert) {
		Boolean decided = this.loadData;
		if (decided == null) {
			decided = this.loadDataWanted && this.jdbc.execute((ConnectionCallback<Boolean>) (connection) -> {
				String product = connection.getMetaData().getDatabaseProductName();
				return ("MySQL".equalsIgnoreCase(product) || "MariaDB".equalsIgnoreCase(product))
						&& loadsAnEmptyFile(connection, upsert);
			});
			this.loadData = decided;
		}
		return decided;
	}

	private boolean loadsAnEmptyFile(Connection connection, Upsert<?> upsert) {
		if (!this.spool.nameable()) {
			logger.warn("Results are written by batched statements, not LOAD DATA: the spool directory "
					+ this.spool.directory() + " has a quote or backslash in its name; set java.io.tmpdir");
			return false;
		}
		Path empty = null;
		try (Statement statement = connection.createStatement()) {
			empty = this.spool.newFile();
			statement.execute(upsert.loadDataSql(empty));
			return true;
		}
		catch (SQLException | IOException ex) {
			logger.warn("Results are written by batched statements, several times slower than LOAD DATA LOCAL"
					+ " INFILE, which was refused (" + ex.getMessage() + "). Set local_infile=ON on the server and"
					+ " use a jdbc:mysql: URL, or set batch.writer.load-data=false to choose batched statements");
			return false;
		}
		finally {
			delete(empty);
		}
	}

	private <T> void load(Upsert<T> upsert, List<? extends T> items) {
		Path file = null;
		try {
			file = this.spool.newFile();
			try (LoadDataFile rows = new LoadDataFile(file)) {
				for (T item : items) {
					upsert.bind(item, rows);
					rows.endRow();
				}
			}
			String sql = upsert.loadDataSql(file);
			this.jdbc.execute((StatementCallback<Void>) (statement) -> {
				statement.execute(sql);
				SQLWarning warning = statement.getWarnings();
				if (warning != null) {
					throw new DataIntegrityViolationException("LOAD DATA into " + upsert.table()
							+ " was not exact, so the chunk is rolled back: " + warning.getMessage());
				}
				return null;
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the rows for " + upsert.table() + " to the spool directory "
					+ this.spool.directory() + ": " + ex.getMessage(), ex);
		}
		catch (SQLException ex) {
			// only the binders declare it; writing to a file they do not throw it
			throw new IllegalStateException("Cannot format the rows for " + upsert.table(), ex);
		}
		finally {
			delete(file);
		}
	}

	private static void delete(Path file) {
		if (file != null) {
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException ex) {
				logger.warn("Cannot delete " + file + ": " + ex.getMessage());
			}
		}
	}

}
