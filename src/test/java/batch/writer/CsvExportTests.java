package batch.writer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsvExportTests {

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
