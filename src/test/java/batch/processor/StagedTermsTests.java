package batch.processor;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import batch.domain.cashflow.CashFlowEngine;
import batch.domain.cashflow.CashFlowProjection;
import batch.domain.cashflow.ContractRejectedException;
import batch.domain.cashflow.ContractTerms;
import batch.domain.cashflow.ContractType;
import batch.testsupport.ConformanceCaseFiles;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The import stages a contract's terms as checked and the projection reads them back without
 * parsing them again: through the JSON column, the terms read back project exactly what the terms
 * parsed from the file project, for every published and oracle case.
 */
class StagedTermsTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final TypeReference<Map<String, Object>> STAGED = new TypeReference<>() {
	};

	private final CashFlowEngine engine = new CashFlowEngine();

	@Test
	void stagedTermsProjectWhatParsedTermsProject() throws IOException {
		List<String> resources = new ArrayList<>();
		for (String type : List.of("pam", "lam", "nam", "ann")) {
			resources.add("/actus/actus-tests-" + type + ".json");
			resources.add("/actus-oracle/oracle-" + type + ".json.gz");
		}
		resources.add("/actus/actus-tests-lax.json");
		Map<String, JsonNode> cases = ConformanceCaseFiles.read(resources);
		int compared = 0;
		int arrays = 0;
		for (Map.Entry<String, JsonNode> entry : cases.entrySet()) {
			Map<String, Object> terms = new LinkedHashMap<>();
			entry.getValue().path("terms").properties().forEach((term) -> terms.put(term.getKey(), text(term.getValue())));
			ContractTerms parsed;
			try {
				parsed = ContractTerms.parse(terms);
			}
			catch (ContractRejectedException ex) {
				continue;
			}
			String column = JSON.writeValueAsString(parsed.staged());
			ContractTerms restored = ContractTerms.restore(JSON.readValue(column, STAGED));
			assertThat(describe(this.engine.project(restored, (code, moment) -> 0.03))).as(entry.getKey())
				.isEqualTo(describe(this.engine.project(parsed, (code, moment) -> 0.03)));
			compared++;
			if (parsed.type() == ContractType.LAX) {
				arrays++;
			}
		}
		assertThat(compared).isGreaterThan(650);
		// LAX's array terms are staged too: every published LAX case
		assertThat(arrays).isEqualTo(ConformanceCaseFiles.read(List.of("/actus/actus-tests-lax.json")).size());
	}

	@Test
	void termsStagedAsTextByAnEarlierVersionAreParsed() {
		Map<String, String> text = new LinkedHashMap<>();
		text.put("contractType", "PAM");
		text.put("contractID", "c1");
		text.put("contractRole", "RPA");
		text.put("statusDate", "2020-01-01T00:00:00");
		text.put("initialExchangeDate", "2020-01-02");
		text.put("maturityDate", "2025-01-02");
		text.put("notionalPrincipal", "1000");
		text.put("nominalInterestRate", "0.05");
		text.put("dayCountConvention", "30E360");
		text.put("currency", "EUR");
		text.put("cycleOfInterestPayment", "P1YL0");

		ContractTerms restored = ContractTerms.restore(text);

		assertThat(describe(this.engine.project(restored, (code, moment) -> 0))).contains("IP", "MD")
			.isEqualTo(describe(this.engine.project(ContractTerms.parse(text), (code, moment) -> 0)));
	}

	// a term's value as the import gives it: an array term's values as a list of text
	private static Object text(JsonNode value) {
		if (!value.isArray()) {
			return value.asString();
		}
		List<String> values = new ArrayList<>();
		value.forEach((element) -> values.add(element.asString()));
		return values;
	}

	// every field of every event, exactly
	private static String describe(CashFlowProjection events) {
		StringBuilder text = new StringBuilder(events.contractId()).append(' ').append(events.currency());
		for (int i = 0; i < events.size(); i++) {
			text.append('\n')
				.append(events.time(i))
				.append(' ')
				.append(events.type(i))
				.append(' ')
				.append(events.payoff(i))
				.append(' ')
				.append(events.notionalPrincipal(i))
				.append(' ')
				.append(events.nominalInterestRate(i))
				.append(' ')
				.append(events.accruedInterest(i));
		}
		return text.toString();
	}

}
