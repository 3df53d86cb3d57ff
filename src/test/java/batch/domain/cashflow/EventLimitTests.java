package batch.domain.cashflow;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A contract's events are bounded, as a chunk holds them all until they are written: daily
 * interest for 270 years is projected, for 300 years it is rejected as inconsistent.
 */
class EventLimitTests {

	@Test
	void aContractOfAtMostTheLimitIsProjected() {
		CashFlowProjection events = new CashFlowEngine().project(dailyInterestUntil("2289-12-31"), (code, moment) -> 0);

		assertThat(events.size()).isGreaterThan(98_000).isLessThanOrEqualTo(EventQueue.MAX_EVENTS);
	}

	@Test
	void aContractOfMoreEventsIsRejected() {
		assertThatExceptionOfType(ContractRejectedException.class)
			.isThrownBy(() -> new CashFlowEngine().project(dailyInterestUntil("2320-01-01"), (code, moment) -> 0))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(CashFlowRejectReason.INCONSISTENT_TERMS))
			.withMessageContaining("more than 100000 events");
	}

	private static ContractTerms dailyInterestUntil(String maturity) {
		return ContractTerms.parse(Map.ofEntries(Map.entry("contractType", "PAM"), Map.entry("contractID", "daily"),
				Map.entry("contractRole", "RPA"), Map.entry("statusDate", "2020-01-01"),
				Map.entry("initialExchangeDate", "2020-01-02"), Map.entry("maturityDate", maturity),
				Map.entry("notionalPrincipal", "1000"), Map.entry("nominalInterestRate", "0.01"),
				Map.entry("dayCountConvention", "A365"), Map.entry("cycleOfInterestPayment", "P1DL1"),
				Map.entry("currency", "USD")));
	}

}
