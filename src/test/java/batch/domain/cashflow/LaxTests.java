package batch.domain.cashflow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

/**
 * LAX's array terms: each value checked as a single one would be, the arrays of a group of one
 * length, and the schedules they make segment by segment.
 */
class LaxTests {

	private final CashFlowEngine engine = new CashFlowEngine();

	// 100 lent on 2020-01-02 at 5%, interest yearly, 20 repaid yearly from 2021, maturing in 2025
	private static Map<String, Object> lax() {
		Map<String, Object> terms = new HashMap<>();
		terms.put("contractType", "LAX");
		terms.put("contractID", "x1");
		terms.put("contractRole", "RPA");
		terms.put("currency", "EUR");
		terms.put("statusDate", "2020-01-01T00:00:00");
		terms.put("initialExchangeDate", "2020-01-02T00:00:00");
		terms.put("maturityDate", "2025-01-01T00:00:00");
		terms.put("notionalPrincipal", "100");
		terms.put("nominalInterestRate", "0.05");
		terms.put("dayCountConvention", "30E360");
		terms.put("arrayCycleAnchorDateOfInterestPayment", "2021-01-01T00:00:00");
		terms.put("arrayCycleOfInterestPayment", "P1YL1");
		terms.put("arrayCycleAnchorDateOfPrincipalRedemption", "2021-01-01T00:00:00");
		terms.put("arrayCycleOfPrincipalRedemption", "P1YL1");
		terms.put("arrayNextPrincipalRedemptionPayment", "20");
		terms.put("arrayIncreaseDecrease", "DEC");
		return terms;
	}

	private static Map<String, Object> twoSegments() {
		Map<String, Object> terms = lax();
		terms.put("arrayCycleAnchorDateOfPrincipalRedemption", List.of("2021-01-01", "2023-01-01"));
		terms.put("arrayNextPrincipalRedemptionPayment", List.of("10", "30"));
		terms.put("arrayIncreaseDecrease", List.of("INC", "DEC"));
		return terms;
	}

	private List<String> events(Map<String, Object> terms) {
		CashFlowProjection events = this.engine.project(ContractTerms.parse(terms), (code, moment) -> 0.01);
		List<String> described = new ArrayList<>();
		for (int i = 0; i < events.size(); i++) {
			described.add(events.time(i).toLocalDate() + " " + events.type(i) + " " + events.payoff(i) + " "
					+ events.notionalPrincipal(i) + " " + events.nominalInterestRate(i));
		}
		return described;
	}

	@ParameterizedTest(name = "{0} = {1} -> {2}")
	@CsvSource(delimiter = '|', value = { "arrayCycleAnchorDateOfPrincipalRedemption|2021-01-01,2022-13-01|MALFORMED_DATE",
			"arrayNextPrincipalRedemptionPayment|20,twenty|MALFORMED_NUMBER",
			"arrayIncreaseDecrease|DEC,DOWN|UNKNOWN_CONVENTION",
			"arrayCycleOfPrincipalRedemption|P1YL1,yearly|UNKNOWN_CONVENTION",
			"arrayNextPrincipalRedemptionPayment|20,20,20|INCONSISTENT_TERMS",
			"arrayIncreaseDecrease|DEC|INCONSISTENT_TERMS",
			"arrayCycleOfPrincipalRedemption|P1YL1,P1YL1,P1YL1|INCONSISTENT_TERMS",
			"arrayCycleAnchorDateOfPrincipalRedemption|2022-01-01,2021-01-01|INCONSISTENT_TERMS",
			"arrayNextPrincipalRedemptionPayment|20,-20|INCONSISTENT_TERMS",
			"arrayRate|0.06|MISSING_TERM", "arrayCycleOfInterestPayment|P1YL1,P1ML1|INCONSISTENT_TERMS",
			"cycleOfInterestPayment|P1YL1|UNSUPPORTED_TERM", "rateSpread|0.01|UNSUPPORTED_TERM" })
	void eachValueOfAnArrayIsCheckedAndTheArraysOfAGroupHaveOneLength(String term, String values,
			CashFlowRejectReason reason) {
		Map<String, Object> terms = lax();
		terms.put("arrayCycleAnchorDateOfPrincipalRedemption", List.of("2021-01-01", "2023-01-01"));
		terms.put("arrayNextPrincipalRedemptionPayment", List.of("20", "20"));
		terms.put("arrayIncreaseDecrease", List.of("DEC", "DEC"));
		// a single value stands for a list of one
		terms.put(term, values.contains(",") ? List.of(values.split(",")) : values);

		assertThatExceptionOfType(ContractRejectedException.class).isThrownBy(() -> ContractTerms.parse(terms))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(reason));
	}

	@Test
	void anArrayTermOfAnotherTypeIsNotSupported() {
		Map<String, Object> terms = new HashMap<>(lax());
		terms.keySet().removeIf((name) -> name.startsWith("array"));
		terms.put("contractType", "PAM");
		terms.put("arrayRate", List.of("0.06"));

		assertThatExceptionOfType(ContractRejectedException.class).isThrownBy(() -> ContractTerms.parse(terms))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(CashFlowRejectReason.UNSUPPORTED_TERM));
	}

	@Test
	void aVariableRateNeedsTheRateItIsASpreadOver() {
		Map<String, Object> terms = lax();
		terms.put("arrayCycleAnchorDateOfRateReset", List.of("2022-01-01", "2023-01-01"));
		terms.put("arrayRate", List.of("0.06", "0.01"));
		terms.put("arrayFixedVariable", List.of("FIX", "VAR"));

		assertThatExceptionOfType(ContractRejectedException.class).isThrownBy(() -> ContractTerms.parse(terms))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(CashFlowRejectReason.MISSING_TERM))
			.withMessageContaining("marketObjectCodeOfRateReset");
	}

	@Test
	void aSegmentIncreasesTheNotionalUntilTheNextOneDecreasesIt() {
		Map<String, Object> terms = twoSegments();
		terms.remove("arrayCycleOfInterestPayment");
		terms.put("arrayCycleAnchorDateOfInterestPayment", "2024-01-01");

		assertThat(events(terms)).containsExactly("2020-01-02 IED -100.0 100.0 0.05",
				"2021-01-01 PI -10.0 110.0 0.05", "2022-01-01 PI -10.0 120.0 0.05",
				"2023-01-01 PR 30.0 90.0 0.05", "2024-01-01 PR 30.0 60.0 0.05",
				// 4.9861 + 5.5 + 6 + 4.5 accrued since the exchange
				"2024-01-01 IP 20.98611111111111 60.0 0.05", "2025-01-01 IP 3.0 60.0 0.05",
				"2025-01-01 MD 60.0 0.0 0.05");
	}

	@Test
	void oneCycleServesEverySegment() {
		Map<String, Object> terms = twoSegments();
		terms.put("arrayCycleOfPrincipalRedemption", List.of("P6ML1"));

		assertThat(events(terms)).filteredOn((event) -> event.contains(" PI ") || event.contains(" PR "))
			.extracting((event) -> event.substring(0, 13))
			.containsExactly("2021-01-01 PI", "2021-07-01 PI", "2022-01-01 PI", "2022-07-01 PI", "2023-01-01 PR",
					"2023-07-01 PR", "2024-01-01 PR", "2024-07-01 PR");
	}

	@Test
	void withoutMaturityTheContractMaturesWhenTheRedemptionsRepayIt() {
		Map<String, Object> terms = twoSegments();
		terms.remove("maturityDate");
		terms.put("arrayCycleAnchorDateOfPrincipalRedemption", List.of("2021-01-01", "2022-01-01"));
		terms.put("arrayCycleOfPrincipalRedemption", List.of("P1YL1", "P3ML1"));
		terms.put("arrayIncreaseDecrease", List.of("DEC", "DEC"));

		// 10 in 2021, then 30 a quarter: the third quarter's is the maturity's
		assertThat(events(terms)).last().isEqualTo("2022-07-01 MD 30.0 0.0 0.05");

		// an earlier segment that repays the notional ends the contract
		terms.put("arrayNextPrincipalRedemptionPayment", List.of("50", "30"));
		terms.put("arrayCycleAnchorDateOfPrincipalRedemption", List.of("2021-01-01", "2023-01-01"));
		assertThat(events(terms)).last().isEqualTo("2022-01-01 MD 50.0 0.0 0.05");

		// and a last segment that increases it never does
		terms.put("arrayIncreaseDecrease", List.of("DEC", "INC"));
		terms.put("arrayNextPrincipalRedemptionPayment", List.of("10", "30"));
		assertThatExceptionOfType(ContractRejectedException.class).isThrownBy(() -> ContractTerms.parse(terms))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(CashFlowRejectReason.INCONSISTENT_TERMS));
	}

	@Test
	void aResetFixesItsSegmentsRateOrAddsItsSpreadToTheObservedOne() {
		Map<String, Object> terms = lax();
		terms.put("arrayCycleAnchorDateOfRateReset", List.of("2021-06-01", "2022-06-01"));
		terms.put("arrayCycleOfRateReset", List.of("P1YL1", "P6ML1"));
		terms.put("arrayRate", List.of("0.06", "0.02"));
		terms.put("arrayFixedVariable", List.of("FIX", "VAR"));
		terms.put("marketObjectCodeOfRateReset", "IDX");

		// the observed rate is 1%
		assertThat(events(terms)).filteredOn((event) -> event.contains(" RR"))
			.containsExactly("2021-06-01 RRF 0.0 80.0 0.06", "2022-06-01 RR 0.0 60.0 0.03",
					"2022-12-01 RR 0.0 60.0 0.03", "2023-06-01 RR 0.0 40.0 0.03", "2023-12-01 RR 0.0 40.0 0.03",
					"2024-06-01 RR 0.0 20.0 0.03", "2024-12-01 RR 0.0 20.0 0.03");

		// a rate fixed already is the first reset's after the status date
		terms.put("nextResetRate", "0.045");
		assertThat(events(terms)).filteredOn((event) -> event.contains(" RR")).first()
			.isEqualTo("2021-06-01 RRF 0.0 80.0 0.045");
	}

	@Test
	void aContractUnderWayAccruesFromItsLastInterestPayment() {
		Map<String, Object> terms = lax();
		terms.put("statusDate", "2022-04-01T00:00:00");
		terms.put("notionalPrincipal", "60");

		CashFlowProjection events = this.engine.project(ContractTerms.parse(terms), (code, moment) -> 0);

		assertThat(events.type(0)).isEqualTo(EventType.PR);
		// a quarter's interest accrued on 60 since 2022-01-01, then three quarters'
		assertThat(events.type(1)).isEqualTo(EventType.IP);
		assertThat(events.payoff(1)).isCloseTo(3.0, within(1e-12));
	}

}
