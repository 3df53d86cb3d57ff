package batch.testsupport;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import batch.domain.illustration.RejectReason;
import batch.generate.PolicyGenerator;
import batch.reader.Csv;
import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvException;

/**
 * A generated policies file and what its invalid rows are: line number to reason code.
 */
public record GeneratedPolicies(Path file, Map<Long, RejectReason> expectedRejects) {

	public static GeneratedPolicies write(Path file, long count, long seed, double invalidFraction) throws IOException {
		Map<Long, RejectReason> rejects = new TreeMap<>();
		try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			new PolicyGenerator(seed, invalidFraction).write(out, count, rejects::put);
		}
		return new GeneratedPolicies(file, rejects);
	}

	/** Every data row, with the physical line it is on (one line per row in generated files). */
	public Map<Long, String[]> rows() throws IOException {
		Map<Long, String[]> rows = new TreeMap<>();
		try (CSVReader csv = Csv.reader(Files.newBufferedReader(this.file))) {
			List<String[]> all = csv.readAll();
			for (int i = 1; i < all.size(); i++) {
				rows.put(i + 1L, all.get(i));
			}
		}
		catch (CsvException ex) {
			throw new IOException(ex);
		}
		return rows;
	}

}
