package batch.domain.illustration;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Each validation rule, and that the first rule broken, in the spec's order, is the one reported.
 */
class PolicyValidatorTests {

	private final PolicyValidator validator = new PolicyValidator();

	private final Map<Long, Long> firstLines = new HashMap<>();

	private final DuplicateCheck duplicates = (id, line) -> this.firstLines.merge(id, line, Math::min) < line;

	// Example 1 of the spec: male, 35 at commencement, 50,000 yearly, SA 250,000, PT 10, PPT 5.
	private static final String[] VALID = { "1001", "ENDOWMENT_PAR", "Asha Rao", "9876543210", "1990-06-15", "M",
			"2025-06-15", "250000", "50000", "YEARLY", "10", "5" };

	@Test
	void validRowBecomesAPolicyWithItsEntryAge() {
		ValidatedPolicy valid = this.validator.validate(PolicyFields.of(VALID), 2, this.duplicates);

		assertThat(valid.policy()).isEqualTo(new Policy(1001, Product.ENDOWMENT_PAR, Gender.M, 35,
				new BigDecimal("250000.00"), new BigDecimal("50000.00"), PremiumFrequency.YEARLY, 10, 5));
		assertThat(valid.dateOfBirth()).isEqualTo(LocalDate.of(1990, 6, 15));
		assertThat(valid.holderName()).isEqualTo("Asha Rao");
		assertThat(valid.toString()).doesNotContain("Asha").doesNotContain("9876543210").doesNotContain("1990");
	}

	@Test
	void surroundingSpacesAreIgnored() {
		ValidatedPolicy valid = this.validator
			.validate(PolicyFields.of(with(with(VALID, 7, " 250000.00 "), 1, "ENDOWMENT_PAR ")), 2, this.duplicates);

		assertThat(valid.policy().sumAssured()).isEqualTo(new BigDecimal("250000.00"));
	}

	@Test
	void entryAgeIsAgeLastBirthdayOnTheCommencementDate() {
		// the day before the 36th birthday: still 35
		ValidatedPolicy valid = this.validator.validate(PolicyFields.of(with(VALID, 6, "2026-06-14")), 2,
				this.duplicates);

		assertThat(valid.policy().entryAge()).isEqualTo(35);
	}

	@ParameterizedTest(name = "{0} = \"{1}\" -> {2}")
	@CsvSource(delimiter = '|', value = {
			"0|''|MISSING_FIELD", "2|'  '|MISSING_FIELD", "3|''|MISSING_FIELD", "11|''|MISSING_FIELD",
			"0|abc|MALFORMED_NUMBER", "0|0|MALFORMED_NUMBER", "0|-5|MALFORMED_NUMBER",
			"0|9223372036854775808|MALFORMED_NUMBER", "0|1.0|MALFORMED_NUMBER",
			"7|250000.001|MALFORMED_NUMBER", "7|2.5e5|MALFORMED_NUMBER", "7|250,000|MALFORMED_NUMBER",
			"8|+50000|MALFORMED_NUMBER", "8|50000.|MALFORMED_NUMBER", "8|.5|MALFORMED_NUMBER",
			"10|10.5|MALFORMED_NUMBER", "11|five|MALFORMED_NUMBER",
			"4|1990-02-30|MALFORMED_DATE", "4|2023-02-29|MALFORMED_DATE", "4|+1990-06-15|MALFORMED_DATE",
			"4|15/06/1990|MALFORMED_DATE", "6|2025-6-15|MALFORMED_DATE",
			"1|WHOLE_LIFE|UNKNOWN_PRODUCT", "1|endowment_par|UNKNOWN_PRODUCT", "9|QUARTERLY|UNKNOWN_FREQUENCY",
			"5|X|UNKNOWN_GENDER", "5|m|UNKNOWN_GENDER",
			"4|2025-06-15|DOB_NOT_BEFORE_COMMENCEMENT", "4|2030-01-01|DOB_NOT_BEFORE_COMMENCEMENT",
			"7|0|SUM_ASSURED_OUT_OF_RANGE", "7|-250000|SUM_ASSURED_OUT_OF_RANGE",
			"7|249999.99|SUM_ASSURED_OUT_OF_RANGE", "8|0|PREMIUM_OUT_OF_RANGE", "8|-0.00|PREMIUM_OUT_OF_RANGE",
			"8|11999.99|PREMIUM_OUT_OF_RANGE", "10|9|TERM_OUT_OF_RANGE", "10|31|TERM_OUT_OF_RANGE",
			"10|99999999999999999999|TERM_OUT_OF_RANGE", "11|4|PPT_OUT_OF_RANGE", "11|10|PPT_OUT_OF_RANGE",
			"11|-1|PPT_OUT_OF_RANGE" })
	void eachRuleHasItsReason(int column, String value, RejectReason reason) {
		assertRejected(with(VALID, column, value), reason);
	}

	@Test
	void commencementMustBeIn1990To2100() {
		assertRejected(with(with(VALID, 6, "1989-12-31"), 4, "1960-01-01"), RejectReason.COMMENCEMENT_OUT_OF_RANGE);
		assertRejected(with(with(VALID, 6, "2101-01-01"), 4, "2070-01-01"), RejectReason.COMMENCEMENT_OUT_OF_RANGE);
		assertAccepted(with(with(VALID, 6, "1990-01-01"), 4, "1960-01-01"));
		assertAccepted(with(with(VALID, 6, "2100-12-31"), 4, "2070-01-01"));
	}

	@Test
	void entryAgeLimitsPerProduct() {
		// 17 at commencement: the day before the 18th birthday
		assertRejected(with(VALID, 4, "2007-06-16"), RejectReason.AGE_OUT_OF_RANGE);
		assertAccepted(with(VALID, 4, "2007-06-15"));
		// ENDOWMENT_PAR up to 60, TERM up to 65
		assertRejected(with(VALID, 4, "1964-06-15"), RejectReason.AGE_OUT_OF_RANGE);
		String[] term = term("1960-06-15", "500000", "5000", "15", "15");
		assertAccepted(term);
		assertRejected(with(term, 4, "1959-06-14"), RejectReason.AGE_OUT_OF_RANGE);
	}

	@Test
	void maturityAgeLimits() {
		// ENDOWMENT_PAR: x + PT <= 75. 55 + 20 = 75 accepted; 56 + 20 rejected
		String[] endowment = with(with(with(VALID, 4, "1970-06-15"), 10, "20"), 11, "10");
		assertAccepted(endowment);
		assertRejected(with(endowment, 4, "1969-06-15"), RejectReason.MATURITY_AGE_EXCEEDED);
		// TERM: x + PT <= 80. 60 + 20 = 80 accepted; 61 + 20 rejected
		assertAccepted(term("1965-06-15", "500000", "5000", "20", "20"));
		assertRejected(term("1964-06-15", "500000", "5000", "20", "20"), RejectReason.MATURITY_AGE_EXCEEDED);
		// ULIP: x + PT <= 75
		String[] ulip = { "7", "ULIP", "N", "1", "1970-06-15", "F", "2025-06-15", "500000", "50000", "YEARLY", "20",
				"10" };
		assertAccepted(ulip);
		assertRejected(with(ulip, 10, "21"), RejectReason.MATURITY_AGE_EXCEEDED);
	}

	@Test
	void premiumPayingTermRulesPerProduct() {
		// ENDOWMENT_PAR: 5 <= PPT < PT, so PT - 1 is the longest
		assertAccepted(with(VALID, 11, "9"));
		// TERM: 1 <= PPT <= PT
		assertAccepted(term("1980-06-15", "500000", "5000", "15", "1"));
		assertAccepted(term("1980-06-15", "500000", "5000", "15", "15"));
		assertRejected(term("1980-06-15", "500000", "5000", "15", "0"), RejectReason.PPT_OUT_OF_RANGE);
		assertRejected(term("1980-06-15", "500000", "5000", "15", "16"), RejectReason.PPT_OUT_OF_RANGE);
	}

	@Test
	void premiumAndSumAssuredLimits() {
		// the annual premium counts: 1,000 monthly = 12,000 a year, the ENDOWMENT_PAR minimum
		assertAccepted(with(with(VALID, 8, "1000"), 9, "MONTHLY"));
		assertRejected(with(with(VALID, 8, "999.99"), 9, "MONTHLY"), RejectReason.PREMIUM_OUT_OF_RANGE);
		assertRejected(with(VALID, 8, "100000000.01"), RejectReason.PREMIUM_OUT_OF_RANGE);
		// SA at most 1,000,000,000.00
		assertAccepted(term("1980-06-15", "1000000000.00", "5000", "15", "15"));
		assertRejected(term("1980-06-15", "1000000000.01", "5000", "15", "15"), RejectReason.SUM_ASSURED_OUT_OF_RANGE);
		// TERM: SA >= 100,000; ULIP: SA >= 10 x AP
		assertRejected(term("1980-06-15", "99999.99", "5000", "15", "15"), RejectReason.SUM_ASSURED_OUT_OF_RANGE);
		String[] ulip = { "7", "ULIP", "N", "1", "1980-06-15", "F", "2025-06-15", "240000", "2000", "MONTHLY", "10",
				"10" };
		assertAccepted(ulip);
		assertRejected(with(ulip, 7, "239999.99"), RejectReason.SUM_ASSURED_OUT_OF_RANGE);
		assertRejected(with(ulip, 8, "1999.99"), RejectReason.PREMIUM_OUT_OF_RANGE);
	}

	@Test
	void theFirstRuleBrokenInTheSpecsOrderWins() {
		// empty holder name beats a malformed premium and an unknown product
		assertRejected(with(with(with(VALID, 2, ""), 8, "x"), 1, "NOPE"), RejectReason.MISSING_FIELD);
		// a malformed number beats a malformed date
		assertRejected(with(with(VALID, 8, "x"), 4, "1990-13-01"), RejectReason.MALFORMED_NUMBER);
		// a malformed date beats an unknown product
		assertRejected(with(with(VALID, 4, "1990-13-01"), 1, "NOPE"), RejectReason.MALFORMED_DATE);
		// unknown product, then frequency, then gender
		assertRejected(with(with(with(VALID, 1, "NOPE"), 9, "NOPE"), 5, "NOPE"), RejectReason.UNKNOWN_PRODUCT);
		assertRejected(with(with(VALID, 9, "NOPE"), 5, "NOPE"), RejectReason.UNKNOWN_FREQUENCY);
		// an age out of range beats a term out of range, which beats everything after it
		assertRejected(with(with(VALID, 4, "2010-01-01"), 10, "99"), RejectReason.AGE_OUT_OF_RANGE);
		assertRejected(with(with(VALID, 10, "99"), 8, "1"), RejectReason.TERM_OUT_OF_RANGE);
		assertRejected(with(with(VALID, 11, "1"), 8, "1"), RejectReason.PPT_OUT_OF_RANGE);
		assertRejected(with(with(VALID, 8, "1"), 7, "1"), RejectReason.PREMIUM_OUT_OF_RANGE);
	}

	@Test
	void aRepeatedPolicyIdIsADuplicateButNotOnItsOwnLineAgain() {
		assertThat(this.validator.validate(PolicyFields.of(VALID), 2, this.duplicates)).isNotNull();

		// the same line processed again (a chunk retried) is still valid
		assertThat(this.validator.validate(PolicyFields.of(VALID), 2, this.duplicates)).isNotNull();
		// a later line with the same id is a duplicate, even when its other fields are different
		assertThatExceptionOfType(PolicyRejectedException.class)
			.isThrownBy(() -> this.validator.validate(PolicyFields.of(with(VALID, 7, "300000")), 9, this.duplicates))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(RejectReason.DUPLICATE_POLICY_ID));
		// a duplicate that also breaks an earlier rule reports the earlier rule
		assertRejected(with(VALID, 1, "NOPE"), RejectReason.UNKNOWN_PRODUCT);
	}

	@Test
	void messagesNeverCarryTheValues() {
		String[] row = with(with(VALID, 7, "12.345"), 2, "Secret Name");

		assertThatExceptionOfType(PolicyRejectedException.class)
			.isThrownBy(() -> this.validator.validate(PolicyFields.of(row), 2, this.duplicates))
			.satisfies((ex) -> assertThat(ex.getMessage()).contains("sum_assured")
				.doesNotContain("12.345")
				.doesNotContain("Secret")
				.doesNotContain("1990-06-15"));
	}

	private static String[] term(String dob, String sumAssured, String premium, String term, String ppt) {
		return new String[] { "2002", "TERM", "Name", "999", dob, "F", "2025-06-15", sumAssured, premium, "YEARLY", term,
				ppt };
	}

	private static String[] with(String[] row, int column, String value) {
		String[] copy = row.clone();
		copy[column] = value;
		return copy;
	}

	private void assertAccepted(String[] row) {
		assertThat(this.validator.validate(PolicyFields.of(row), 2, (id, line) -> false)).isNotNull();
	}

	private void assertRejected(String[] row, RejectReason reason) {
		assertRejected(PolicyFields.of(row), reason);
	}

	private void assertRejected(PolicyFields row, RejectReason reason) {
		assertThatExceptionOfType(PolicyRejectedException.class)
			.isThrownBy(() -> this.validator.validate(row, 5, this.duplicates))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(reason));
	}

}
