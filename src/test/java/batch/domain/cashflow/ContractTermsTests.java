package batch.domain.cashflow;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The terms of a contract are checked in the spec's order of reason codes.
 */
class ContractTermsTests {

	private static Map<String, String> pam() {
		Map<String, String> terms = new HashMap<>();
		terms.put("contractType", "PAM");
		terms.put("contractID", "c1");
		terms.put("contractRole", "RPA");
		terms.put("statusDate", "2020-01-01T00:00:00");
		terms.put("initialExchangeDate", "2020-01-02");
		terms.put("maturityDate", "2025-01-02");
		terms.put("notionalPrincipal", "1000");
		terms.put("nominalInterestRate", "0.05");
		terms.put("dayCountConvention", "30E360");
		terms.put("cycleOfInterestPayment", "P1YL0");
		terms.put("currency", "EUR");
		return terms;
	}

	@Test
	void defaultsAreThoseOfTheDictionary() {
		ContractTerms terms = ContractTerms.parse(pam());

		assertThat(terms.businessDay).isEqualTo(BusinessDayConvention.NOS);
		assertThat(terms.calendar).isEqualTo(BusinessCalendar.NC);
		assertThat(terms.endOfMonth).isEqualTo(EndOfMonthConvention.SD);
		assertThat(terms.rateMultiplier).isEqualTo(1);
		assertThat(terms.rateSpread).isZero();
		// the interest anchor defaults to the initial exchange plus one cycle
		assertThat(Moments.toLocalDate(terms.interestPaymentAnchor)).hasToString("2021-01-02");
		assertThat(terms.roleSign).isEqualTo(1);
	}

	@ParameterizedTest(name = "{0} = \"{1}\" -> {2}")
	@CsvSource(delimiter = '|', value = { "contractRole|''|MISSING_TERM", "currency|''|MISSING_TERM",
			"maturityDate|''|MISSING_TERM", "statusDate|2020-13-01|MALFORMED_DATE",
			"maturityDate|01/01/2025|MALFORMED_DATE", "notionalPrincipal|1,000|MALFORMED_NUMBER",
			"nominalInterestRate|NaN|MALFORMED_NUMBER", "contractType|SWAPS|UNKNOWN_CONTRACT_TYPE",
			"dayCountConvention|ACT/ACT|UNKNOWN_CONVENTION", "businessDayConvention|XYZ|UNKNOWN_CONVENTION",
			"cycleOfInterestPayment|monthly|UNKNOWN_CONVENTION", "fixingDays|banana|UNKNOWN_CONVENTION",
			"gracePeriod|=1+1|UNKNOWN_CONVENTION", "fixingDays|P\u0662D|UNKNOWN_CONVENTION",
			"nextPrincipalRedemptionPayment|100|UNSUPPORTED_TERM",
			"feeRate|0.01|UNSUPPORTED_TERM", "colour|blue|UNSUPPORTED_TERM",
			"maturityDate|2019-12-01|INCONSISTENT_TERMS", "notionalPrincipal|-5|INCONSISTENT_TERMS",
			"notionalPrincipal|1e15|INCONSISTENT_TERMS", "currency|US Dollar|INCONSISTENT_TERMS",
			"currency|usd|INCONSISTENT_TERMS",
			"cycleOfRateReset|P1YL1|MISSING_TERM" })
	void eachProblemHasItsReason(String term, String value, CashFlowRejectReason reason) {
		Map<String, String> terms = pam();
		terms.put(term, value);

		assertThatExceptionOfType(ContractRejectedException.class).isThrownBy(() -> ContractTerms.parse(terms))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(reason))
			.withMessageNotContaining(value.isEmpty() ? "\u0000" : value);
	}

	@Test
	void benignValuesOfUnsupportedTermsAreAccepted() {
		Map<String, String> terms = pam();
		terms.put("feeRate", "0");
		terms.put("penaltyType", "O");
		terms.put("settlementCurrency", "EUR");
		terms.put("fixingDays", "P2D");
		terms.put("contractDealDate", "2019-12-01T00:00:00");

		assertThat(ContractTerms.parse(terms).contractId()).isEqualTo("c1");
	}

	@Test
	void amortizersNeedARedemptionScheduleAndAWayToMaturity() {
		Map<String, String> terms = pam();
		terms.put("contractType", "LAM");
		terms.remove("maturityDate");

		assertThatExceptionOfType(ContractRejectedException.class).isThrownBy(() -> ContractTerms.parse(terms))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(CashFlowRejectReason.INCONSISTENT_TERMS));
		terms.put("cycleOfPrincipalRedemption", "P1YL1");
		terms.put("nextPrincipalRedemptionPayment", "200");
		assertThat(ContractTerms.parse(terms).type()).isEqualTo(ContractType.LAM);
	}

}
