package batch.writer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The export's formats, and the rows it counts before and hands on as it writes, for its progress.
 */
class CsvExportTests {

	@Test
	void anExportCountsItsRowsAndTellsHowManyItHasWrittenAsItGoes(@TempDir Path directory) throws Exception {
		SingleConnectionDataSource h2 = new SingleConnectionDataSource("jdbc:h2:mem:export;MODE=MySQL", true);
		JdbcTemplate jdbc = new JdbcTemplate(h2);
		jdbc.execute("CREATE TABLE item (id INT PRIMARY KEY)");
		jdbc.execute("INSERT INTO item SELECT x FROM SYSTEM_RANGE(1, 2500)");
		List<Long> told = new ArrayList<>();

		long expected;
		long written;
		try (CsvExport export = new CsvExport(jdbc, directory, told::add)) {
			expected = export.count("SELECT COUNT(*) FROM item WHERE id > ?", 100);
			written = export.write("items.csv", List.of("id"), "SELECT id FROM item WHERE id > ? ORDER BY id",
					new Object[] { 100 }, (rs) -> new String[] { rs.getString(1) });
			export.commit();
		}
		finally {
			h2.destroy();
		}

		assertThat(expected).isEqualTo(2400);
		assertThat(written).isEqualTo(2400);
		assertThat(told).containsExactly(1024L, 2048L);
		assertThat(Files.readAllLines(directory.resolve("items.csv"))).hasSize(2401).endsWith("2500");
	}

	@Test
	void decimalsInTheirExportedFormPassAsTheyAre() {
		assertThat(CsvExport.decimal("123.45", 2)).isEqualTo("123.45");
		assertThat(CsvExport.decimal("-5.50", 2)).isEqualTo("-5.50");
		assertThat(CsvExport.decimal("0.0000000001", 10)).isEqualTo("0.0000000001");
	}

	@Test
	void otherDecimalsAreFormattedWithTheirScale() {
		assertThat(CsvExport.decimal("12.3", 2)).isEqualTo("12.30");
		assertThat(CsvExport.decimal("1E+3", 2)).isEqualTo("1000.00");
		assertThat(CsvExport.decimal("-0.00", 2)).isEqualTo("0.00");
		assertThat(CsvExport.decimal("-.50", 2)).isEqualTo("-0.50");
		assertThat(CsvExport.decimal("7", 2)).isEqualTo("7.00");
		assertThat(CsvExport.decimal(null, 2)).isEmpty();
	}


	@Test
	void textsThatASpreadsheetWouldTakeForAFormulaAreMadeInert() {
		assertThat(CsvExport.text("=HYPERLINK(\"http://x\",\"y\")")).isEqualTo("'=HYPERLINK(\"http://x\",\"y\")");
		assertThat(CsvExport.text("+1+1")).isEqualTo("'+1+1");
		assertThat(CsvExport.text("-2+3")).isEqualTo("'-2+3");
		assertThat(CsvExport.text("@SUM(A1)")).isEqualTo("'@SUM(A1)");
		assertThat(CsvExport.text("\t=1")).isEqualTo("'\t=1");
		assertThat(CsvExport.text("LOAN-1")).isEqualTo("LOAN-1");
		assertThat(CsvExport.text(null)).isEmpty();
	}

}
