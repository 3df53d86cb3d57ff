package batch.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;

import com.opencsv.CSVWriterBuilder;
import com.opencsv.ICSVWriter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Conformance cases ({@code actus-tests-*.json}) as cashFlowJob's input: one contracts file with a
 * row per case (its contractID the case's identifier), the cases' market data as observations,
 * each case's series under a code of its own (cases reuse codes such as USD.LIBOR3M with other
 * values), and one flat curve per currency.
 */
public record ConformanceCaseFiles(Path contracts, Path observations, Path curves, Path events,
		Map<String, JsonNode> cases) {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final List<String> RATE_CODES = List.of("marketObjectCodeOfRateReset",
			"marketObjectCodeOfScalingIndex");

	/** Reads the cases of class-path resources (gzip-compressed where they end in .gz). */
	public static Map<String, JsonNode> read(List<String> resources) throws IOException {
		Map<String, JsonNode> cases = new LinkedHashMap<>();
		for (String resource : resources) {
			try (InputStream raw = ConformanceCaseFiles.class.getResourceAsStream(resource)) {
				if (raw == null) {
					throw new IOException(resource + " is not on the test class path");
				}
				InputStream in = resource.endsWith(".gz") ? new GZIPInputStream(raw) : raw;
				JSON.readTree(in).properties().forEach((entry) -> cases.put(entry.getKey(), entry.getValue()));
			}
		}
		return cases;
	}

	public static ConformanceCaseFiles write(Path directory, Map<String, JsonNode> cases) throws IOException {
		Files.createDirectories(directory);
		Set<String> names = new TreeSet<>();
		cases.values().forEach((testCase) -> testCase.path("terms").propertyNames().forEach(names::add));
		names.remove("contractID");
		names.remove("contractType");
		List<String> header = new ArrayList<>(List.of("contractID", "contractType"));
		header.addAll(names);
		Set<String> currencies = new TreeSet<>();
		Path contracts = directory.resolve("contracts.csv");
		Path observations = directory.resolve("observations.csv");
		Path curves = directory.resolve("curves.csv");
		try (ICSVWriter rows = writer(contracts); ICSVWriter points = writer(observations)) {
			rows.writeNext(header.toArray(String[]::new), false);
			points.writeNext(new String[] { "market_object_code", "date", "value" }, false);
			for (Map.Entry<String, JsonNode> entry : cases.entrySet()) {
				String id = entry.getKey();
				JsonNode terms = entry.getValue().path("terms");
				String[] row = new String[header.size()];
				for (int c = 0; c < row.length; c++) {
					String name = header.get(c);
					String value = terms.path(name).isMissingNode() ? "" : terms.path(name).asString().strip();
					row[c] = (RATE_CODES.contains(name) && !value.isEmpty()) ? code(id, value) : value;
				}
				row[0] = id;
				rows.writeNext(row, false);
				currencies.add(terms.path("currency").asString().strip());
				for (Map.Entry<String, JsonNode> series : entry.getValue().path("dataObserved").properties()) {
					for (JsonNode point : series.getValue().path("data")) {
						points.writeNext(new String[] { code(id, series.getKey()),
								point.path("timestamp").asString().strip(), point.path("value").asString().strip() },
								false);
					}
				}
			}
		}
		try (ICSVWriter flat = writer(curves)) {
			flat.writeNext(new String[] { "currency", "tenor", "zero_rate" }, false);
			for (String currency : currencies) {
				flat.writeNext(new String[] { currency, "1Y", "0.03" }, false);
			}
		}
		return new ConformanceCaseFiles(contracts, observations, curves, null, cases);
	}

	/**
	 * Cases as they are, for one run: their series under their own codes (the cases of one run must
	 * not give one series two ways), array terms as JSON arrays, and their observed events as an
	 * events file.
	 */
	public static ConformanceCaseFiles writeAsGiven(Path directory, Map<String, JsonNode> cases) throws IOException {
		Files.createDirectories(directory);
		Set<String> names = new TreeSet<>();
		cases.values().forEach((testCase) -> testCase.path("terms").propertyNames().forEach(names::add));
		names.remove("contractID");
		names.remove("contractType");
		List<String> header = new ArrayList<>(List.of("contractID", "contractType"));
		header.addAll(names);
		Set<String> currencies = new TreeSet<>();
		Map<String, JsonNode> series = new LinkedHashMap<>();
		Path contracts = directory.resolve("contracts.csv");
		Path observations = directory.resolve("observations.csv");
		Path curves = directory.resolve("curves.csv");
		Path events = directory.resolve("events.csv");
		try (ICSVWriter rows = writer(contracts); ICSVWriter observed = writer(events)) {
			rows.writeNext(header.toArray(String[]::new), false);
			observed.writeNext(new String[] { "contract_id", "time", "type", "value" }, false);
			for (Map.Entry<String, JsonNode> entry : cases.entrySet()) {
				JsonNode terms = entry.getValue().path("terms");
				String[] row = new String[header.size()];
				for (int c = 0; c < row.length; c++) {
					JsonNode value = terms.path(header.get(c));
					row[c] = value.isMissingNode() ? "" : value.isArray() ? arrayCell(value) : value.asString().strip();
				}
				row[0] = entry.getKey();
				rows.writeNext(row, false);
				for (String currency : List.of("currency", "currency2")) {
					if (terms.has(currency)) {
						currencies.add(terms.path(currency).asString().strip());
					}
				}
				entry.getValue().path("dataObserved").properties().forEach((data) -> {
					JsonNode earlier = series.putIfAbsent(data.getKey(), data.getValue().path("data"));
					if (earlier != null && !earlier.equals(data.getValue().path("data"))) {
						throw new IllegalArgumentException(data.getKey() + " is given two ways in one run's cases");
					}
				});
				for (JsonNode event : entry.getValue().path("eventsObserved")) {
					observed.writeNext(new String[] { entry.getKey(), event.path("time").asString().strip(),
							event.path("type").asString().strip(), event.path("value").asString("0") }, false);
				}
			}
		}
		try (ICSVWriter points = writer(observations)) {
			points.writeNext(new String[] { "market_object_code", "date", "value" }, false);
			series.forEach((code, data) -> {
				for (JsonNode point : data) {
					points.writeNext(new String[] { code, point.path("timestamp").asString().strip(),
							point.path("value").asString().strip() }, false);
				}
			});
		}
		try (ICSVWriter flat = writer(curves)) {
			flat.writeNext(new String[] { "currency", "tenor", "zero_rate" }, false);
			for (String currency : currencies) {
				flat.writeNext(new String[] { currency, "1Y", "0.03" }, false);
			}
		}
		return new ConformanceCaseFiles(contracts, observations, curves, events, cases);
	}

	// an array term as the contracts file gives it: a JSON array of strings
	private static String arrayCell(JsonNode array) {
		List<String> values = new ArrayList<>();
		array.forEach((element) -> values.add(element.isString() ? element.asString() : element.toString()));
		return JSON.writeValueAsString(values);
	}

	/** The market object code a case's series is filed under. */
	public static String code(String caseId, String code) {
		return caseId + "/" + code;
	}

	private static ICSVWriter writer(Path file) throws IOException {
		Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
		return new CSVWriterBuilder(out).withLineEnd("\n").build();
	}

}
