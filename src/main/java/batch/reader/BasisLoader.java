package batch.reader;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import batch.domain.illustration.Basis;
import batch.domain.illustration.MortalityTable;
import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvException;

import org.springframework.core.io.Resource;

/**
 * Loads a product basis from its properties file and the mortality table file it names, which
 * sits beside it.
 */
public final class BasisLoader {

	private static final List<String> MORTALITY_HEADER = List.of("age", "male", "female");

	private BasisLoader() {
	}

	public static Basis load(Resource basisFile) {
		Properties properties = new Properties();
		try (Reader reader = new InputStreamReader(basisFile.getInputStream(), StandardCharsets.UTF_8)) {
			properties.load(reader);
			String tableName = properties.getProperty("mortality.table");
			if (tableName == null || tableName.isBlank()) {
				throw new IllegalStateException("basis file " + basisFile + " names no mortality.table");
			}
			Resource table = basisFile.createRelative(tableName.trim());
			return Basis.fromProperties(properties, mortality(table));
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot read basis file " + basisFile + ": " + ex.getMessage(), ex);
		}
	}

	static MortalityTable mortality(Resource table) throws IOException {
		try (InputStream in = table.getInputStream();
				CSVReader csv = Csv.reader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			List<String[]> rows = csv.readAll();
			if (rows.isEmpty() || !List.of(rows.get(0)).equals(MORTALITY_HEADER)) {
				throw new IllegalStateException("mortality table " + table + " must start with the header age,male,female");
			}
			List<BigDecimal> male = new ArrayList<>();
			List<BigDecimal> female = new ArrayList<>();
			for (int i = 1; i < rows.size(); i++) {
				String[] row = rows.get(i);
				if (row.length != 3 || Integer.parseInt(row[0].trim()) != i - 1) {
					throw new IllegalStateException("mortality table " + table + " line " + (i + 1)
							+ " must hold the next age, from 0 without gaps");
				}
				male.add(new BigDecimal(row[1].trim()));
				female.add(new BigDecimal(row[2].trim()));
			}
			return new MortalityTable(table.getFilename(), male.toArray(BigDecimal[]::new),
					female.toArray(BigDecimal[]::new));
		}
		catch (CsvException ex) {
			throw new IllegalStateException("mortality table " + table + " is not valid CSV: " + ex.getMessage(), ex);
		}
	}

}
