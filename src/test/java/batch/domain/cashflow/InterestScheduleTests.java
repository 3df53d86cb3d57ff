package batch.domain.cashflow;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Interest payments follow the interest cycle alone; without a cycle, the maturity pays the
 * interest (the data dictionary's cycleOfInterestPayment), since the maturity event pays the
 * notional only.
 */
class InterestScheduleTests {

	private final CashFlowEngine engine = new CashFlowEngine();

	@Test
	void withoutACycleTheInterestIsPaidAtMaturity() {
		ContractTerms terms = ContractTerms.parse(Map.of("contractType", "PAM", "contractID", "z",
				"contractRole", "RPA", "currency", "USD", "statusDate", "2021-01-01",
				"initialExchangeDate", "2021-01-04", "maturityDate", "2023-01-04", "notionalPrincipal", "1000",
				"nominalInterestRate", "0.05", "dayCountConvention", "30E360"));

		CashFlowProjection events = this.engine.project(terms, (code, moment) -> 0);

		assertThat(events.size()).isEqualTo(3);
		assertThat(events.type(1)).isEqualTo(EventType.IP);
		assertThat(events.payoff(1)).isCloseTo(100, within(1e-9));
		assertThat(events.type(2)).isEqualTo(EventType.MD);
		assertThat(events.payoff(2)).isEqualTo(1000);
	}

	@Test
	void anAnnuityPaysInterestOnItsOwnCycleNotAtItsRedemptions() {
		Map<String, String> given = new HashMap<>(Map.of("contractType", "ANN", "contractID", "q",
				"contractRole", "RPA", "currency", "USD", "statusDate", "2021-01-01",
				"initialExchangeDate", "2021-01-04", "maturityDate", "2022-01-04", "notionalPrincipal", "1200",
				"nominalInterestRate", "0.06", "dayCountConvention", "30E360"));
		given.putAll(Map.of("cycleOfPrincipalRedemption", "P1ML1", "cycleOfInterestPayment", "P3ML1"));

		CashFlowProjection events = this.engine.project(ContractTerms.parse(given), (code, moment) -> 0);

		long redemptions = IntStream.range(0, events.size())
			.filter((i) -> events.type(i) == EventType.PR)
			.count();
		long payments = IntStream.range(0, events.size())
			.filter((i) -> events.type(i) == EventType.IP)
			.count();
		assertThat(redemptions).isEqualTo(11);
		assertThat(payments).isEqualTo(4);
	}

}
