package batch.domain.cashflow;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A reset's new rate: the fixing times the multiplier plus the spread, its change bounded by the
 * period floor and cap, the result by the life floor and cap (the oracle README, point 7). The
 * fixing is the one observed on the reset's scheduled date.
 */
class RateResetTests {

	private final CashFlowEngine engine = new CashFlowEngine();

	// 1,000 at 5% from 2021-01-04, reset yearly on the 4th of January to the index plus 1%
	private static ContractTerms floating(Map<String, String> bounds) {
		Map<String, String> terms = new HashMap<>(Map.of("contractType", "PAM", "contractID", "f",
				"contractRole", "RPA", "currency", "USD", "statusDate", "2021-01-01",
				"initialExchangeDate", "2021-01-04", "maturityDate", "2024-01-04", "notionalPrincipal", "1000",
				"nominalInterestRate", "0.05", "dayCountConvention", "A365"));
		terms.putAll(Map.of("cycleOfRateReset", "P1YL1", "marketObjectCodeOfRateReset", "IDX", "rateSpread", "0.01"));
		terms.putAll(bounds);
		return ContractTerms.parse(terms);
	}

	private double[] ratesAfterResets(Map<String, String> bounds, double fixing) {
		CashFlowProjection events = this.engine.project(floating(bounds), (code, moment) -> fixing);
		return IntStream.range(0, events.size())
			.filter((i) -> events.type(i) == EventType.RR)
			.mapToDouble(events::nominalInterestRate)
			.toArray();
	}

	@Test
	void withoutBoundsTheRateIsTheFixingPlusTheSpread() {
		assertThat(ratesAfterResets(Map.of(), 0.02)).containsExactly(0.03, 0.03);
	}

	@Test
	void aPeriodFloorBoundsEachFallWhicheverItsSign() {
		// the reference takes -0.0013 for a fall of up to 13 bp; the data dictionary, 0.0013
		for (String floor : new String[] { "-0.0013", "0.0013" }) {
			assertThat(ratesAfterResets(Map.of("periodFloor", floor), 0.02)).as(floor)
				.containsExactly(new double[] { 0.0487, 0.0474 }, within(1e-15));
			// and never forces a rise
			assertThat(ratesAfterResets(Map.of("periodFloor", floor), 0.04)).as(floor)
				.containsExactly(new double[] { 0.05, 0.05 }, within(1e-15));
		}
	}

	@Test
	void thePeriodBoundsComeFirstAndTheLifeBoundsBoundTheResult() {
		// a rise of 5% allowed 2% a period, then capped at 8% for life
		assertThat(ratesAfterResets(Map.of("periodCap", "0.02", "lifeCap", "0.08"), 0.09))
			.containsExactly(new double[] { 0.07, 0.08 }, within(1e-15));
		// a fall bounded at 1% a period and floored at 4.5% for life
		assertThat(ratesAfterResets(Map.of("periodFloor", "-0.01", "lifeFloor", "0.045"), 0.0))
			.containsExactly(new double[] { 0.045, 0.045 }, within(1e-15));
	}

}
