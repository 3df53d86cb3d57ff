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
import java.util.List;

import com.opencsv.CSVWriter;
import com.opencsv.CSVWriterBuilder;
import com.opencsv.ICSVWriter;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Streams a query into a CSV file with opencsv: fields quoted only where they must be, lines
 * ended with LF, written to a temporary file that replaces the target only when complete.
 */
final class CsvExport {

	private final JdbcTemplate jdbc;

	CsvExport(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Writes the header and one line per row; returns the number of rows. */
	long write(Path target, List<String> header, String sql, Object[] args, RowFormatter formatter) {
		Path partial = target.resolveSibling(target.getFileName() + ".part");
		long[] rows = { 0 };
		try (BufferedWriter out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8);
				ICSVWriter csv = new CSVWriterBuilder(out).withLineEnd(CSVWriter.DEFAULT_LINE_END).build()) {
			csv.writeNext(header.toArray(String[]::new), false);
			this.jdbc.query(sql, (ResultSet rs) -> {
				csv.writeNext(formatter.format(rs), false);
				rows[0]++;
			}, args);
			csv.flush();
			if (csv.checkError()) {
				throw new IOException("writing " + partial + " failed");
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write " + target + ": " + ex.getMessage(), ex);
		}
		try {
			Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot move " + partial + " to " + target, ex);
		}
		return rows[0];
	}

	/** Money with exactly 2 decimals, plain digits; empty when null. */
	static String money(ResultSet rs, String column) throws SQLException {
		return decimal(rs, column, 2);
	}

	static String decimal(ResultSet rs, String column, int scale) throws SQLException {
		BigDecimal value = rs.getBigDecimal(column);
		return (value != null) ? value.setScale(scale).toPlainString() : "";
	}

	/** Turns the current row into the CSV line's fields. */
	@FunctionalInterface
	interface RowFormatter {

		String[] format(ResultSet rs) throws SQLException;

	}

}
