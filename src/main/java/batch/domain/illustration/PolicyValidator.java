package batch.domain.illustration;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;

/**
 * Checks one policies row against the spec's rules, in the spec's order, and either returns the
 * valid policy or throws {@link PolicyRejectedException} with the first rule it breaks.
 */
public final class PolicyValidator {

	private static final Pattern POSITIVE_INTEGER = Pattern.compile("[0-9]+");

	private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");

	// "Money with more than 2 decimal places, or that is not a plain decimal number, is
	// MALFORMED_NUMBER; a negative or zero amount is out of range, not malformed."
	private static final Pattern MONEY = Pattern.compile("-?[0-9]+(\\.[0-9]{1,2})?");

	private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

	private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
		.withResolverStyle(ResolverStyle.STRICT);

	private static final LocalDate FIRST_COMMENCEMENT = LocalDate.of(1990, 1, 1);

	private static final LocalDate LAST_COMMENCEMENT = LocalDate.of(2100, 12, 31);

	private static final BigDecimal MAX_MODAL_PREMIUM = new BigDecimal("100000000.00");

	private static final BigInteger MAX_POLICY_ID = BigInteger.valueOf(Long.MAX_VALUE);

	/**
	 * @param fields the row's twelve values
	 * @param lineNumber the physical line where the row starts, for the duplicate check
	 * @param duplicates the ids already seen in this file
	 */
	public ValidatedPolicy validate(PolicyFields fields, long lineNumber, DuplicateCheck duplicates) {
		requireAllPresent(fields);
		long policyId = policyId(fields.policyId());
		BigDecimal sumAssured = money("sum_assured", fields.sumAssured());
		BigDecimal modalPremium = money("modal_premium", fields.modalPremium());
		int term = integer("policy_term", fields.policyTerm());
		int premiumPayingTerm = integer("premium_paying_term", fields.premiumPayingTerm());
		LocalDate dob = date("dob", fields.dob());
		LocalDate commencement = date("commencement_date", fields.commencementDate());
		Product product = named(Product.class, fields.productCode(), RejectReason.UNKNOWN_PRODUCT, "product_code");
		PremiumFrequency frequency = named(PremiumFrequency.class, fields.premiumFrequency(),
				RejectReason.UNKNOWN_FREQUENCY, "premium_frequency");
		Gender gender = named(Gender.class, fields.gender(), RejectReason.UNKNOWN_GENDER, "gender");
		if (duplicates.seenOnEarlierLine(policyId, lineNumber)) {
			throw reject(RejectReason.DUPLICATE_POLICY_ID, "policy_id already appears on an earlier line");
		}
		if (!dob.isBefore(commencement)) {
			throw reject(RejectReason.DOB_NOT_BEFORE_COMMENCEMENT, "dob must be before commencement_date");
		}
		if (commencement.isBefore(FIRST_COMMENCEMENT) || commencement.isAfter(LAST_COMMENCEMENT)) {
			throw reject(RejectReason.COMMENCEMENT_OUT_OF_RANGE, "commencement_date must be in 1990-01-01..2100-12-31");
		}
		int entryAge = Period.between(dob, commencement).getYears();
		if (!product.acceptsEntryAge(entryAge)) {
			throw reject(RejectReason.AGE_OUT_OF_RANGE,
					"entry age must be " + product.entryAgeRange() + " for " + product);
		}
		if (!product.acceptsTerm(term)) {
			throw reject(RejectReason.TERM_OUT_OF_RANGE, "policy_term must be " + product.termRange() + " for " + product);
		}
		if (!product.acceptsPremiumPayingTerm(premiumPayingTerm, term)) {
			throw reject(RejectReason.PPT_OUT_OF_RANGE,
					"premium_paying_term must satisfy " + product.premiumPayingTermRule() + " for " + product);
		}
		BigDecimal annualPremium = frequency.annualise(modalPremium);
		if (modalPremium.signum() <= 0 || modalPremium.compareTo(MAX_MODAL_PREMIUM) > 0
				|| !product.acceptsAnnualPremium(annualPremium)) {
			throw reject(RejectReason.PREMIUM_OUT_OF_RANGE, "modal_premium must be above 0 and at most 100000000.00, "
					+ "and the annual premium at least " + product.minAnnualPremium().toPlainString() + " for " + product);
		}
		if (!product.acceptsSumAssured(sumAssured, annualPremium)) {
			throw reject(RejectReason.SUM_ASSURED_OUT_OF_RANGE,
					"sum_assured must be " + product.sumAssuredRule() + " for " + product);
		}
		if (!product.acceptsMaturityAge(entryAge, term)) {
			throw reject(RejectReason.MATURITY_AGE_EXCEEDED,
					"entry age + policy_term must be at most " + product.maxMaturityAge() + " for " + product);
		}
		Policy policy = new Policy(policyId, product, gender, entryAge, sumAssured, modalPremium, frequency, term,
				premiumPayingTerm);
		return new ValidatedPolicy(policy, fields.holderName(), fields.mobile(), dob, commencement);
	}

	private static void requireAllPresent(PolicyFields fields) {
		String[] values = fields.values();
		for (int i = 0; i < values.length; i++) {
			if (values[i].isEmpty()) {
				throw reject(RejectReason.MISSING_FIELD, PolicyFields.HEADER.get(i) + " is empty");
			}
		}
	}

	private static long policyId(String text) {
		if (!POSITIVE_INTEGER.matcher(text).matches()) {
			throw reject(RejectReason.MALFORMED_NUMBER, "policy_id must be a positive 64-bit integer");
		}
		BigInteger value = new BigInteger(text);
		if (value.signum() <= 0 || value.compareTo(MAX_POLICY_ID) > 0) {
			throw reject(RejectReason.MALFORMED_NUMBER, "policy_id must be a positive 64-bit integer");
		}
		return value.longValueExact();
	}

	private static BigDecimal money(String field, String text) {
		if (!MONEY.matcher(text).matches()) {
			throw reject(RejectReason.MALFORMED_NUMBER,
					field + " must be a plain decimal number with at most 2 decimal places");
		}
		return new BigDecimal(text).setScale(2);
	}

	// A well-formed integer too large for an int is out of range, not malformed: clamp it so
	// that the range rule rejects it.
	private static int integer(String field, String text) {
		if (!INTEGER.matcher(text).matches()) {
			throw reject(RejectReason.MALFORMED_NUMBER, field + " must be a whole number");
		}
		BigInteger value = new BigInteger(text);
		if (value.bitLength() > 31) {
			return (value.signum() > 0) ? Integer.MAX_VALUE : Integer.MIN_VALUE;
		}
		return value.intValue();
	}

	private static LocalDate date(String field, String text) {
		if (!DATE.matcher(text).matches()) {
			throw reject(RejectReason.MALFORMED_DATE, field + " must be a date as yyyy-MM-dd");
		}
		try {
			return LocalDate.parse(text, ISO_DATE);
		}
		catch (DateTimeParseException ex) {
			throw reject(RejectReason.MALFORMED_DATE, field + " must be a date as yyyy-MM-dd");
		}
	}

	private static <E extends Enum<E>> E named(Class<E> type, String text, RejectReason reason, String field) {
		for (E constant : type.getEnumConstants()) {
			if (constant.name().equals(text)) {
				return constant;
			}
		}
		throw reject(reason, field + " is not one of the known values");
	}

	private static PolicyRejectedException reject(RejectReason reason, String message) {
		return new PolicyRejectedException(reason, message);
	}

}
