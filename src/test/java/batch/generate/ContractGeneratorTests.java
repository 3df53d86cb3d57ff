package batch.generate;

import java.io.StringReader;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import batch.domain.cashflow.CashFlowEngine;
import batch.domain.cashflow.CashFlowProjection;
import batch.domain.cashflow.CashFlowRejectReason;
import batch.domain.cashflow.ContractRejectedException;
import batch.domain.cashflow.ContractTerms;
import batch.domain.cashflow.ContractType;
import batch.domain.cashflow.Horizon;
import batch.domain.cashflow.ObservedEvents;
import batch.domain.cashflow.ObservedMarketData;
import batch.reader.Csv;
import com.opencsv.CSVReader;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The generated contracts are what the generator says: valid ones project with the generated
 * market data, and each invalid one is rejected for the reason it was made to have.
 */
class ContractGeneratorTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final LocalDate LAST_DAY = LocalDate.of(2046, 12, 31);

	private static final Horizon HORIZON = Horizon.until(LAST_DAY.atStartOfDay());

	@Test
	void everyRowProjectsOrIsRejectedAsIntended() throws Exception {
		ContractGenerator generator = new ContractGenerator(5, 0.25);
		StringWriter observations = new StringWriter();
		generator.writeObservations(observations);
		ObservedMarketData.Builder market = ObservedMarketData.builder();
		try (CSVReader csv = Csv.reader(new StringReader(observations.toString()))) {
			csv.skip(1);
			for (String[] row : csv) {
				market.observe(row[0], LocalDate.parse(row[1]).atStartOfDay(), Double.parseDouble(row[2]));
			}
		}
		ObservedMarketData marketData = market.build();
		CashFlowEngine engine = new CashFlowEngine();
		Set<String> ids = new HashSet<>();
		Map<CashFlowRejectReason, Integer> reasons = new EnumMap<>(CashFlowRejectReason.class);
		Map<ContractType, Integer> types = new EnumMap<>(ContractType.class);
		long events = 0;

		for (int line = 2; line < 4002; line++) {
			ContractGenerator.Row row = generator.next();
			CashFlowRejectReason actual = null;
			try {
				if (row.values().length != ContractGenerator.HEADER.size()) {
					throw new ContractRejectedException(CashFlowRejectReason.MALFORMED_ROW, "width");
				}
				Map<String, Object> terms = new HashMap<>();
				for (int i = 0; i < row.values().length; i++) {
					String name = ContractGenerator.HEADER.get(i);
					String value = row.values()[i];
					// as the import takes an array term's cell
					terms.put(name, (ContractTerms.isArrayTerm(name) && value.startsWith("["))
							? JSON.readValue(value, List.class) : value);
				}
				ContractTerms contract = ContractTerms.parse(terms);
				if (!ids.add(contract.contractId().toLowerCase(Locale.ROOT))) {
					throw new ContractRejectedException(CashFlowRejectReason.DUPLICATE_CONTRACT_ID, "duplicate");
				}
				if (row.breaks() == CashFlowRejectReason.MISSING_HORIZON) {
					// a contract without an end projects up to a horizon
					CashFlowProjection untilThen = engine.project(contract, marketData, HORIZON, ObservedEvents.NONE);
					for (int i = 0; i < untilThen.size(); i++) {
						assertThat(untilThen.time(i).toLocalDate()).as(contract.contractId())
							.isBeforeOrEqualTo(LAST_DAY);
					}
					types.merge(contract.type(), 1, Integer::sum);
				}
				CashFlowProjection projection = engine.project(contract, marketData);
				events += projection.size();
				types.merge(contract.type(), 1, Integer::sum);
			}
			catch (ContractRejectedException ex) {
				actual = ex.reason();
			}
			if (actual != row.breaks()) {
				fail("line " + line + " was meant to be " + row.breaks() + " but is " + actual + ": "
						+ String.join(",", row.values()));
			}
			if (actual != null) {
				reasons.merge(actual, 1, Integer::sum);
			}
		}

		assertThat(reasons.keySet()).containsExactlyInAnyOrder(CashFlowRejectReason.values());
		assertThat(types.keySet()).containsExactlyInAnyOrder(ContractType.values());
		assertThat(events).isGreaterThan(3000 * 20);
	}

	@Test
	void theSameSeedGivesTheSameFiles() throws Exception {
		List<String> first = files(9);
		List<String> second = files(9);

		assertThat(first).isEqualTo(second);
		assertThat(first.get(0).lines().findFirst()).hasValue(String.join(",", ContractGenerator.HEADER));
		assertThat(first.get(2)).startsWith("currency,tenor,zero_rate\nUSD,1M,");
	}

	private static List<String> files(long seed) throws Exception {
		ContractGenerator generator = new ContractGenerator(seed, 0.1);
		StringWriter contracts = new StringWriter();
		StringWriter observations = new StringWriter();
		StringWriter curves = new StringWriter();
		generator.writeContracts(contracts, 300, (line, reason) -> {
		});
		generator.writeObservations(observations);
		generator.writeCurves(curves);
		return List.of(contracts.toString(), observations.toString(), curves.toString());
	}

}
