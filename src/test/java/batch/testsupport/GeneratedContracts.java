package batch.testsupport;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import batch.domain.cashflow.CashFlowRejectReason;
import batch.domain.cashflow.ContractTerms;
import batch.domain.cashflow.ContractType;
import batch.domain.cashflow.ObservedMarketData;
import batch.domain.cashflow.YieldCurve;
import batch.generate.ContractGenerator;
import batch.reader.Csv;
import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvException;
import tools.jackson.databind.ObjectMapper;

/**
 * A generated contracts file with its market data files, and what its invalid rows are.
 */
public record GeneratedContracts(Path contracts, Path observations, Path curves,
		Map<Long, CashFlowRejectReason> expectedRejects) {

	private static final Set<ContractType> LENDING = EnumSet.of(ContractType.PAM, ContractType.ANN, ContractType.LAM,
			ContractType.NAM);

	private static final ObjectMapper JSON = new ObjectMapper();

	/** A book of the lending types: PAM, ANN, LAM and NAM. */
	public static GeneratedContracts write(Path directory, String name, long count, long seed, double invalidFraction)
			throws IOException {
		return write(directory, name, count, seed, invalidFraction, LENDING);
	}

	/**
	 * A book of these types; a contract without an end is among the expected rejects
	 * (MISSING_HORIZON), as a run without a horizon rejects it.
	 */
	public static GeneratedContracts write(Path directory, String name, long count, long seed, double invalidFraction,
			Set<ContractType> types) throws IOException {
		Files.createDirectories(directory);
		Map<Long, CashFlowRejectReason> rejects = new TreeMap<>();
		ContractGenerator generator = new ContractGenerator(seed, invalidFraction, name.toUpperCase() + "-", types);
		Path contracts = directory.resolve(name + ".csv");
		Path observations = directory.resolve(name + "-observations.csv");
		Path curves = directory.resolve(name + "-curves.csv");
		try (Writer out = Files.newBufferedWriter(contracts, StandardCharsets.UTF_8)) {
			generator.writeContracts(out, count, rejects::put);
		}
		try (Writer out = Files.newBufferedWriter(observations, StandardCharsets.UTF_8)) {
			generator.writeObservations(out);
		}
		try (Writer out = Files.newBufferedWriter(curves, StandardCharsets.UTF_8)) {
			generator.writeCurves(out);
		}
		return new GeneratedContracts(contracts, observations, curves, rejects);
	}

	/** Every data row by line, as term name to value. */
	public Map<Long, Map<String, String>> rows() throws IOException {
		Map<Long, Map<String, String>> rows = new TreeMap<>();
		List<String[]> all = readAll(this.contracts);
		String[] header = all.get(0);
		for (int i = 1; i < all.size(); i++) {
			Map<String, String> terms = new HashMap<>();
			for (int c = 0; c < Math.min(header.length, all.get(i).length); c++) {
				terms.put(header[c], all.get(i)[c]);
			}
			rows.put(i + 1L, terms);
		}
		return rows;
	}

	/** A row's terms as the import hands them to the parser: an array term's JSON cell as a list. */
	public static Map<String, Object> terms(Map<String, String> row) {
		Map<String, Object> terms = new HashMap<>();
		row.forEach((name, value) -> terms.put(name, (ContractTerms.isArrayTerm(name) && value.startsWith("["))
				? JSON.readValue(value, List.class) : value));
		return terms;
	}

	public ObservedMarketData marketData() throws IOException {
		ObservedMarketData.Builder market = ObservedMarketData.builder();
		List<String[]> all = readAll(this.observations);
		for (String[] row : all.subList(1, all.size())) {
			market.observe(row[0], LocalDate.parse(row[1]).atStartOfDay(), Double.parseDouble(row[2]));
		}
		return market.build();
	}

	public Map<String, YieldCurve> yieldCurves() throws IOException {
		Map<String, Map<String, Double>> points = new HashMap<>();
		List<String[]> all = readAll(this.curves);
		for (String[] row : all.subList(1, all.size())) {
			points.computeIfAbsent(row[0], (currency) -> new HashMap<>()).put(row[1], Double.parseDouble(row[2]));
		}
		Map<String, YieldCurve> curves = new HashMap<>();
		points.forEach((currency, rates) -> curves.put(currency, YieldCurve.of(rates)));
		return curves;
	}

	private static List<String[]> readAll(Path file) throws IOException {
		try (CSVReader csv = Csv.reader(Files.newBufferedReader(file))) {
			return csv.readAll();
		}
		catch (CsvException ex) {
			throw new IOException(ex);
		}
	}

}
