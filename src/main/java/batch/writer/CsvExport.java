package batch.writer;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

import com.opencsv.CSVWriter;
import com.opencsv.CSVWriterBuilder;
import com.opencsv.ICSVWriter;

import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Streams queries into a set of CSV files with opencsv (fields quoted only where they must be,
 * lines ended with LF), each first written beside its target as {@code *.part}: the set replaces
 * the targets only when every file is complete, and a failure leaves the old files and no
 * partial ones.
 */
final class CsvExport implements AutoCloseable {

	private static final String REJECTS = "SELECT line_number, record_key, reason_code, message FROM rejected_record"
			+ " WHERE job_instance_id = ? AND source = ? ORDER BY line_number";

	private static final String COUNT_REJECTS = "SELECT COUNT(*) FROM rejected_record"
			+ " WHERE job_instance_id = ? AND source = ?";

	// how often the rows written so far are handed on, in rows
	private static final int PROGRESS_EVERY = 1024;

	private final JdbcTemplate jdbc;

	private final Path directory;

	private final List<Path> written = new ArrayList<>();

	private boolean committed;

	private volatile boolean stopRequested;

	private final LongConsumer progress;

	private long rowsSoFar;

	/** An export into {@code directory}, created if need be. */
	CsvExport(JdbcTemplate jdbc, Path directory) {
		this(jdbc, directory, (rows) -> {
		});
	}

	/**
	 * The same, telling {@code progress} the rows written so far, in every file, every thousand
	 * rows or so.
	 */
	CsvExport(JdbcTemplate jdbc, Path directory, LongConsumer progress) {
		this.jdbc = jdbc;
		this.directory = directory;
		this.progress = progress;
		try {
			Files.createDirectories(directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot create the export directory " + directory, ex);
		}
	}

	/** Writes the header and one line per row into the partial file of {@code fileName}; returns the rows. */
	long write(String fileName, List<String> header, String sql, Object[] args, RowFormatter formatter) {
		Path target = this.directory.resolve(fileName);
		Path partial = partial(target);
		this.written.add(target);
		long[] rows = { 0 };
		try (BufferedWriter out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8);
				ICSVWriter csv = new CSVWriterBuilder(out).withLineEnd(CSVWriter.DEFAULT_LINE_END).build()) {
			csv.writeNext(header.toArray(String[]::new), false);
			this.jdbc.query(sql, (ResultSet rs) -> {
				if (this.stopRequested) {
					// the step ends STOPPED; its restart writes the files again
					throw new IllegalStateException("export stopped on request",
							new JobInterruptedException("export stopped on request"));
				}
				csv.writeNext(formatter.format(rs), false);
				rows[0]++;
				if (++this.rowsSoFar % PROGRESS_EVERY == 0) {
					this.progress.accept(this.rowsSoFar);
				}
			}, args);
			csv.flush();
			if (csv.checkError()) {
				throw new IOException("writing " + partial + " failed");
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write " + target + ": " + ex.getMessage(), ex);
		}
		return rows[0];
	}

	/**
	 * Writes {@code rejects.csv}: the rows of one source that a run rejected, in line order, under
	 * the header {@code line_number,<keyColumn>,reason_code,message}; returns the rows.
	 */
	long writeRejects(long jobInstanceId, String source, String keyColumn) {
		return write("rejects.csv", List.of("line_number", keyColumn, "reason_code", "message"), REJECTS,
				new Object[] { jobInstanceId, source }, (rs) -> new String[] { rs.getString("line_number"),
						text(rs.getString("record_key")), rs.getString("reason_code"), text(rs.getString("message")) });
	}

	/** The rows of a count query, {@code SELECT COUNT(*) ...}. */
	long count(String sql, Object... args) {
		Long count = this.jdbc.queryForObject(sql, Long.class, args);
		return (count != null) ? count : 0;
	}

	/** The rows that {@link #writeRejects} writes. */
	long countRejects(long jobInstanceId, String source) {
		return count(COUNT_REJECTS, jobInstanceId, source);
	}

	/** Stops the export at its next row, leaving no partial file and the old files in place. */
	void stop() {
		this.stopRequested = true;
	}

	/** Moves every partial file over its target. */
	void commit() {
		for (Path target : this.written) {
			try {
				Files.move(partial(target), target, StandardCopyOption.REPLACE_EXISTING,
						StandardCopyOption.ATOMIC_MOVE);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("cannot move " + partial(target) + " to " + target, ex);
			}
		}
		this.committed = true;
	}

	/** Removes the partial files of an export that did not commit. */
	@Override
	public void close() {
		if (!this.committed) {
			for (Path target : this.written) {
				try {
					Files.deleteIfExists(partial(target));
				}
				catch (IOException ex) {
					// the export already failed: that error is the one to report
				}
			}
		}
	}

	private static Path partial(Path target) {
		return target.resolveSibling(target.getFileName() + ".part");
	}

	/**
	 * A text that came from an input file, made inert for a spreadsheet: one that starts with
	 * {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return, which a spreadsheet
	 * would take for a formula, gets a leading apostrophe (OWASP's advice on CSV injection).
	 * Empty when null. Numbers the application formats itself are written as they are.
	 */
	static String text(String value) {
		if (value == null || value.isEmpty()) {
			return "";
		}
		return switch (value.charAt(0)) {
			case '=', '+', '-', '@', '\t', '\r' -> "'" + value;
			default -> value;
		};
	}

	/** Money with exactly 2 decimals, plain digits; empty when null. */
	static String money(ResultSet rs, String column) throws SQLException {
		return decimal(rs, column, 2);
	}

	/**
	 * A decimal with exactly {@code scale} places, plain digits; empty when null. The text the
	 * driver has is used as it is when it already reads so (MySQL sends a DECIMAL column's value
	 * in that form), which spares a parse and a format per value.
	 */
	static String decimal(ResultSet rs, String column, int scale) throws SQLException {
		return decimal(rs.getString(column), scale);
	}

	static String decimal(String text, int scale) {
		if (text == null) {
			return "";
		}
		if (plain(text, scale)) {
			return text;
		}
		return new BigDecimal(text).setScale(scale).toPlainString();
	}

	// digits, an optional leading minus before a figure other than zero, and a point followed by
	// exactly scale digits
	private static boolean plain(String text, int scale) {
		int point = text.length() - scale - 1;
		if (point < 1 || text.charAt(point) != '.') {
			return false;
		}
		boolean negative = text.charAt(0) == '-';
		if (negative && point == 1) {
			return false;
		}
		boolean zero = true;
		for (int i = negative ? 1 : 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (i != point) {
				if (c < '0' || c > '9') {
					return false;
				}
				zero &= c == '0';
			}
		}
		return !(negative && zero);
	}

	/** Turns the current row into the CSV line's fields. */
	@FunctionalInterface
	interface RowFormatter {

		String[] format(ResultSet rs) throws SQLException;

	}

}
