package batch.domain.cashflow;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Monitoring events (AD): they pay nothing, bring the accrued interest up to their time and leave
 * every other event as it was.
 */
class MonitoringEventTests {

	private final CashFlowEngine engine = new CashFlowEngine();

	// a 2-year bullet loan of 1,000 at 10% A365 paid yearly, held as a liability
	private final ContractTerms terms = ContractTerms.parse(Map.ofEntries(Map.entry("contractType", "PAM"),
			Map.entry("contractID", "monitored"), Map.entry("contractRole", "RPL"),
			Map.entry("statusDate", "2020-01-01"), Map.entry("initialExchangeDate", "2020-01-02"),
			Map.entry("maturityDate", "2022-01-02"), Map.entry("notionalPrincipal", "1000"),
			Map.entry("nominalInterestRate", "0.1"), Map.entry("dayCountConvention", "A365"),
			Map.entry("cycleOfInterestPayment", "P1YL1"), Map.entry("currency", "USD")));

	@Test
	void aMonitoringEventAccruesInterestAndPaysNothing() {
		LocalDateTime analysis = LocalDateTime.of(2020, 4, 1, 0, 0);

		CashFlowProjection events = this.engine.project(this.terms, (code, moment) -> 0, Horizon.wholeContract(),
				List.of(analysis));

		assertThat(events.size()).isEqualTo(5);
		assertThat(events.type(1)).isEqualTo(EventType.AD);
		assertThat(events.time(1)).isEqualTo(analysis);
		assertThat(events.payoff(1)).isZero();
		// 90 days (2020-01-02 to 2020-04-01) of 10% on 1,000 owed: signed as a liability
		assertThat(events.accruedInterest(1)).isCloseTo(-1000 * 0.1 * 90 / 365.0, within(1e-12));
		assertThat(events.notionalPrincipal(1)).isEqualTo(-1000);
	}

	@Test
	void theOtherEventsAreTheSameWithOrWithoutMonitoring() {
		CashFlowProjection plain = this.engine.project(this.terms, (code, moment) -> 0);
		CashFlowProjection monitored = this.engine.project(this.terms, (code, moment) -> 0, Horizon.wholeContract(),
				List.of(LocalDateTime.of(2020, 4, 1, 0, 0), LocalDateTime.of(2021, 1, 2, 0, 0),
						LocalDateTime.of(2021, 7, 1, 12, 0)));

		assertThat(monitored.size()).isEqualTo(plain.size() + 3);
		int p = 0;
		for (int m = 0; m < monitored.size(); m++) {
			if (monitored.type(m) == EventType.AD) {
				continue;
			}
			assertThat(monitored.type(m)).isEqualTo(plain.type(p));
			assertThat(monitored.time(m)).isEqualTo(plain.time(p));
			assertThat(monitored.payoff(m)).isCloseTo(plain.payoff(p), within(1e-9));
			p++;
		}
		// on the interest payment date the monitoring comes after the payment: nothing accrued
		assertThat(monitored.type(2)).isEqualTo(EventType.IP);
		assertThat(monitored.type(3)).isEqualTo(EventType.AD);
		assertThat(monitored.time(3)).isEqualTo(monitored.time(2));
		assertThat(monitored.accruedInterest(3)).isZero();
	}

	@Test
	void noMonitoringAfterMaturityOrBeforeTheStatusDate() {
		CashFlowProjection events = this.engine.project(this.terms, (code, moment) -> 0, Horizon.wholeContract(),
				List.of(LocalDateTime.of(2019, 6, 1, 0, 0), LocalDateTime.of(2023, 1, 1, 0, 0)));

		assertThat(events.size()).isEqualTo(4);
		for (int i = 0; i < events.size(); i++) {
			assertThat(events.type(i)).isNotEqualTo(EventType.AD);
		}
	}

}
