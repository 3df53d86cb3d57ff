package batch.domain.cashflow;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The annuities actus-core gets wrong (the ann09 family, which its own suite skips and the oracle
 * generator re-draws): where the initial fixing (PRF, the day before the first redemption) falls
 * before the initial exchange or on the first redemption's day, actus-core redeems first with a
 * payment of 0 and amortises the wrong way. Here the payment fixed at the initial exchange serves
 * until the fixing: the payments are level and the notional falls.
 */
class AnnuityFixingTests {

	private final CashFlowEngine engine = new CashFlowEngine();

	// 1,200 at 12% 30E360 from Friday 2024-01-05, redeemed monthly for a year, SCF on weekdays
	private static ContractTerms annuity(String firstRedemption) {
		Map<String, String> terms = new HashMap<>(Map.of("contractType", "ANN", "contractID", "a",
				"contractRole", "RPA", "currency", "USD", "statusDate", "2024-01-01",
				"initialExchangeDate", "2024-01-05", "maturityDate", "2025-01-05", "notionalPrincipal", "1200",
				"nominalInterestRate", "0.12", "dayCountConvention", "30E360"));
		terms.putAll(Map.of("cycleOfPrincipalRedemption", "P1ML1", "cycleAnchorDateOfPrincipalRedemption",
				firstRedemption, "cycleOfInterestPayment", "P1ML1", "cycleAnchorDateOfInterestPayment",
				firstRedemption, "businessDayConvention", "SCF", "calendar", "MF"));
		return ContractTerms.parse(terms);
	}

	@Test
	void aFixingThatTheShiftMovesOntoTheFirstRedemptionComesTooLateForIt() {
		// the first redemption is on Monday 2024-02-05: its fixing, Sunday, moves onto that Monday
		CashFlowProjection events = this.engine.project(annuity("2024-02-05"), (code, moment) -> 0);

		assertThat(events.type(1)).isEqualTo(EventType.PR);
		assertThat(events.type(3)).isEqualTo(EventType.PRF);
		assertThat(events.payoff(1)).isPositive();
		assertThat(events.notionalPrincipal(1)).isLessThan(1200);
		// PR + IP of February equals that of March: the payment fixed at the exchange is the annuity
		assertThat(events.payoff(1) + events.payoff(2)).isCloseTo(events.payoff(4) + events.payoff(5),
				within(1e-9));
	}

	@Test
	void aFirstRedemptionOnTheExchangeItselfIsPaidInAdvance() {
		// the fixing would be the day before the exchange
		CashFlowProjection events = this.engine.project(annuity("2024-01-05"), (code, moment) -> 0);

		assertThat(events.type(1)).isEqualTo(EventType.PR);
		assertThat(events.time(1)).isEqualTo(events.time(0));
		assertThat(events.payoff(1)).isPositive();
		assertThat(events.payoff(2)).isZero();
		assertThat(events.payoff(1)).isCloseTo(events.payoff(3) + events.payoff(4), within(1e-9));
		assertThat(events.payoff(3) + events.payoff(4)).isCloseTo(events.payoff(5) + events.payoff(6), within(1e-9));
	}

}
