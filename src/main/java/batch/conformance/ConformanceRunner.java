package batch.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import batch.domain.cashflow.CashFlowEngine;
import batch.domain.cashflow.CashFlowProjection;
import batch.domain.cashflow.CashFlowRejectReason;
import batch.domain.cashflow.ContractRejectedException;
import batch.domain.cashflow.ContractTerms;
import batch.domain.cashflow.Horizon;
import batch.domain.cashflow.ObservedEvents;
import batch.domain.cashflow.ObservedMarketData;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs ACTUS conformance cases ({@code actus-tests-*.json}: terms, observed market data, an
 * optional end) through the same engine as cashFlowJob and writes, per case, the computed events;
 * or, for a contract the engine rejects, its reason code and message.
 */
public final class ConformanceRunner {

	private final ObjectMapper json = new ObjectMapper();

	private final CashFlowEngine engine = new CashFlowEngine();

	/** The outcome of a run: the results document and the number of cases rejected. */
	public record Outcome(ObjectNode results, int cases, int rejected) {

	}

	public Outcome run(InputStream cases) throws IOException {
		JsonNode root = this.json.readTree(cases);
		if (root == null || !root.isObject()) {
			throw new IOException("a conformance file is a JSON object of cases by identifier");
		}
		ObjectNode results = JsonNodeFactory.instance.objectNode();
		int rejected = 0;
		int count = 0;
		for (Map.Entry<String, JsonNode> entry : root.properties()) {
			count++;
			JsonNode testCase = entry.getValue();
			String identifier = testCase.path("identifier").asString(entry.getKey());
			try {
				results.set(identifier, events(project(testCase)));
			}
			catch (ContractRejectedException ex) {
				rejected++;
				ObjectNode error = results.putObject(identifier);
				error.put("reasonCode", ex.reason().name());
				error.put("message", ex.getMessage());
			}
		}
		return new Outcome(results, count, rejected);
	}

	public void write(Outcome outcome, OutputStream out) {
		this.json.writerWithDefaultPrettyPrinter().writeValue(out, outcome.results());
	}

	private CashFlowProjection project(JsonNode testCase) {
		Map<String, Object> terms = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> term : testCase.path("terms").properties()) {
			JsonNode value = term.getValue();
			if (value.isArray()) {
				// an array term's values, each as text
				List<String> values = new ArrayList<>();
				value.forEach((element) -> values.add(element.isString() ? element.asString() : element.toString()));
				terms.put(term.getKey(), values);
			}
			else if (!value.isNull()) {
				terms.put(term.getKey(), value.isString() ? value.asString() : value.toString());
			}
		}
		ContractTerms contract = ContractTerms.parse(terms);
		ObservedMarketData.Builder market = ObservedMarketData.builder();
		for (Map.Entry<String, JsonNode> series : testCase.path("dataObserved").properties()) {
			for (JsonNode point : series.getValue().path("data")) {
				market.observe(series.getKey(), time(point.path("timestamp").asString("")),
						value(point.path("value").asString("")));
			}
		}
		// Observed events (monitoring times, call notices, ...) are inputs of the case, not terms.
		ObservedEvents.Builder observed = ObservedEvents.builder();
		for (JsonNode event : testCase.path("eventsObserved")) {
			observed.observe(time(event.path("time").asString(event.path("eventDate").asString(""))),
					event.path("type").asString(event.path("eventType").asString("")),
					event.path("value").asDouble(0));
		}
		String to = testCase.path("to").asString("");
		// an empty end is the maturity as given or derived, where actus-core's own harness stops
		Horizon horizon = to.isBlank() ? Horizon.maturity() : Horizon.until(time(to));
		return this.engine.project(contract, market.build(), horizon, observed.build());
	}

	// The case's own data (observations, analysis times, its end): a value that cannot be read
	// rejects the case, not the file.
	private static LocalDateTime time(String text) {
		String value = text.strip();
		try {
			return (value.length() > 10) ? LocalDateTime.parse(value) : LocalDate.parse(value).atStartOfDay();
		}
		catch (DateTimeParseException ex) {
			throw new ContractRejectedException(CashFlowRejectReason.MALFORMED_DATE,
					"a time of the case's data is not yyyy-MM-dd or yyyy-MM-ddTHH:mm:ss");
		}
	}

	private static double value(String text) {
		try {
			return Double.parseDouble(text);
		}
		catch (NumberFormatException ex) {
			throw new ContractRejectedException(CashFlowRejectReason.MALFORMED_NUMBER,
					"a value of the case's observed data is not a number");
		}
	}

	private static ArrayNode events(CashFlowProjection projection) {
		ArrayNode events = JsonNodeFactory.instance.arrayNode();
		for (int i = 0; i < projection.size(); i++) {
			ObjectNode event = events.addObject();
			event.put("eventDate", projection.time(i).toString());
			event.put("eventType", projection.type(i).name());
			event.put("payoff", projection.payoff(i));
			event.put("currency", projection.currency(i));
			event.put("notionalPrincipal", projection.notionalPrincipal(i));
			event.put("nominalInterestRate", projection.nominalInterestRate(i));
			event.put("accruedInterest", projection.accruedInterest(i));
		}
		return events;
	}

}
