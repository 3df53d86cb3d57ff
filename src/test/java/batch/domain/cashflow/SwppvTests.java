package batch.domain.cashflow;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

/**
 * The plain vanilla swap beyond the published cases: settled net it pays what its legs pay
 * delivered, a swap already running at the status date has accrued since its last payment, and its
 * roles and terms are checked as the data dictionary gives them.
 */
class SwppvTests {

	private final CashFlowEngine engine = new CashFlowEngine();

	// 1,000 receiving 4% fixed against a floating leg at 2%, paid and reset half-yearly
	private static Map<String, String> swap() {
		Map<String, String> terms = new HashMap<>(Map.of("contractType", "SWPPV", "contractID", "s",
				"contractRole", "RF", "currency", "USD", "statusDate", "2020-12-30",
				"initialExchangeDate", "2021-01-01", "maturityDate", "2022-01-01", "notionalPrincipal", "1000",
				"nominalInterestRate", "0.04", "nominalInterestRate2", "0.02"));
		terms.putAll(Map.of("dayCountConvention", "A365", "cycleOfInterestPayment", "P6ML1", "cycleOfRateReset",
				"P6ML1", "marketObjectCodeOfRateReset", "IDX", "rateSpread", "0.005"));
		return terms;
	}

	private CashFlowProjection project(Map<String, String> terms) {
		return this.engine.project(ContractTerms.parse(terms), (code, moment) -> 0.03);
	}

	private static double payoff(CashFlowProjection events, String date, EventType type) {
		for (int i = 0; i < events.size(); i++) {
			if (events.type(i) == type && Moments.toLocalDate(events.moment(i)).toString().equals(date)) {
				return events.payoff(i);
			}
		}
		throw new AssertionError("no " + type + " on " + date);
	}

	@Test
	void settledNetEachPaymentIsTheFixedLegLessTheFloatingLeg() {
		Map<String, String> net = swap();
		net.put("deliverySettlement", "S");

		CashFlowProjection delivered = project(swap());
		CashFlowProjection settled = project(net);

		for (String date : new String[] { "2021-07-01", "2022-01-01" }) {
			double legs = payoff(delivered, date, EventType.IPFX) + payoff(delivered, date, EventType.IPFL);
			assertThat(payoff(settled, date, EventType.IP)).as(date).isCloseTo(legs, within(1e-12));
		}
		// 181 days at 4% received, 2% paid; then 184 days against the reset rate, 3% + 0.5%
		assertThat(payoff(settled, "2021-07-01", EventType.IP)).isCloseTo(1000 * 0.02 * 181 / 365, within(1e-12));
		assertThat(payoff(settled, "2022-01-01", EventType.IP)).isCloseTo(1000 * 0.005 * 184 / 365, within(1e-12));
	}

	@Test
	void runningAtTheStatusDateEachLegHasAccruedSinceTheLastPayment() {
		Map<String, String> terms = swap();
		terms.put("statusDate", "2021-03-01");

		CashFlowProjection events = project(terms);

		// the whole first period, of which 59 days before the status date
		assertThat(payoff(events, "2021-07-01", EventType.IPFX)).isCloseTo(1000 * 0.04 * 181 / 365, within(1e-12));
		assertThat(payoff(events, "2021-07-01", EventType.IPFL)).isCloseTo(-1000 * 0.02 * 181 / 365, within(1e-12));
		assertThat(events.type(0)).isEqualTo(EventType.IPFX);
	}

	@Test
	void payingTheFirstLegIsPayingTheFixedLeg() {
		Map<String, String> payFirst = swap();
		payFirst.put("contractRole", "PFL");
		Map<String, String> payFixed = swap();
		payFixed.put("contractRole", "PF");

		CashFlowProjection first = project(payFirst);
		CashFlowProjection fixed = project(payFixed);

		assertThat(first.size()).isEqualTo(fixed.size());
		for (int i = 0; i < first.size(); i++) {
			assertThat(first.payoff(i)).isEqualTo(fixed.payoff(i));
			assertThat(first.notionalPrincipal(i)).isEqualTo(fixed.notionalPrincipal(i));
		}
		assertThat(payoff(fixed, "2021-07-01", EventType.IPFX)).isNegative();
		assertThat(fixed.notionalPrincipal(0)).isEqualTo(-1000);
	}

	@ParameterizedTest(name = "{0} = \"{1}\" -> {2}")
	@CsvSource(delimiter = '|', value = { "contractRole|RPA|UNKNOWN_CONVENTION",
			"nominalInterestRate2|''|MISSING_TERM", "marketObjectCodeOfRateReset|''|MISSING_TERM",
			"deliverySettlement|X|UNKNOWN_CONVENTION", "lifeCap|0.1|UNSUPPORTED_TERM",
			"cycleOfPrincipalRedemption|P1Y|UNSUPPORTED_TERM", "maturityDate|2020-06-01|INCONSISTENT_TERMS" })
	void termsAreCheckedAsTheDictionaryGivesThemForASwap(String term, String value, CashFlowRejectReason reason) {
		Map<String, String> terms = swap();
		terms.put(term, value);

		assertThatExceptionOfType(ContractRejectedException.class).isThrownBy(() -> ContractTerms.parse(terms))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(reason));
	}

}
