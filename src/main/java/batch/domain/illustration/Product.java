package batch.domain.illustration;

import java.math.BigDecimal;

/**
 * The products and their acceptance limits (spec: "Products and validation").
 */
public enum Product {

	ENDOWMENT_PAR(18, 60, 10, 30, 5, false, "12000", 5, "0", 75),
	TERM(18, 65, 5, 40, 1, true, "3000", 0, "100000", 80),
	ULIP(18, 60, 10, 30, 5, true, "24000", 10, "0", 75);

	private static final BigDecimal MAX_SUM_ASSURED = new BigDecimal("1000000000.00");

	private final int minEntryAge;

	private final int maxEntryAge;

	private final int minTerm;

	private final int maxTerm;

	private final int minPremiumPayingTerm;

	private final boolean premiumPayingTermMayEqualTerm;

	private final BigDecimal minAnnualPremium;

	private final int minSumAssuredMultipleOfPremium;

	private final BigDecimal minSumAssured;

	private final int maxMaturityAge;

	Product(int minEntryAge, int maxEntryAge, int minTerm, int maxTerm, int minPremiumPayingTerm,
			boolean premiumPayingTermMayEqualTerm, String minAnnualPremium, int minSumAssuredMultipleOfPremium,
			String minSumAssured, int maxMaturityAge) {
		this.minEntryAge = minEntryAge;
		this.maxEntryAge = maxEntryAge;
		this.minTerm = minTerm;
		this.maxTerm = maxTerm;
		this.minPremiumPayingTerm = minPremiumPayingTerm;
		this.premiumPayingTermMayEqualTerm = premiumPayingTermMayEqualTerm;
		this.minAnnualPremium = new BigDecimal(minAnnualPremium);
		this.minSumAssuredMultipleOfPremium = minSumAssuredMultipleOfPremium;
		this.minSumAssured = new BigDecimal(minSumAssured);
		this.maxMaturityAge = maxMaturityAge;
	}

	boolean acceptsEntryAge(int age) {
		return age >= this.minEntryAge && age <= this.maxEntryAge;
	}

	boolean acceptsTerm(int term) {
		return term >= this.minTerm && term <= this.maxTerm;
	}

	boolean acceptsPremiumPayingTerm(int ppt, int term) {
		return ppt >= this.minPremiumPayingTerm && (this.premiumPayingTermMayEqualTerm ? ppt <= term : ppt < term);
	}

	boolean acceptsAnnualPremium(BigDecimal annualPremium) {
		return annualPremium.compareTo(this.minAnnualPremium) >= 0;
	}

	boolean acceptsSumAssured(BigDecimal sumAssured, BigDecimal annualPremium) {
		BigDecimal floor = this.minSumAssured
			.max(annualPremium.multiply(BigDecimal.valueOf(this.minSumAssuredMultipleOfPremium)));
		return sumAssured.compareTo(floor) >= 0 && sumAssured.compareTo(MAX_SUM_ASSURED) <= 0;
	}

	boolean acceptsMaturityAge(int entryAge, int term) {
		return entryAge + term <= this.maxMaturityAge;
	}

	String entryAgeRange() {
		return this.minEntryAge + ".." + this.maxEntryAge;
	}

	String termRange() {
		return this.minTerm + ".." + this.maxTerm;
	}

	String premiumPayingTermRule() {
		return this.minPremiumPayingTerm + " <= PPT " + (this.premiumPayingTermMayEqualTerm ? "<=" : "<") + " PT";
	}

	String sumAssuredRule() {
		if (this.minSumAssuredMultipleOfPremium > 0) {
			return "at least " + this.minSumAssuredMultipleOfPremium + " x annual premium and at most 1000000000.00";
		}
		return "at least " + this.minSumAssured.toPlainString() + " and at most 1000000000.00";
	}

	BigDecimal minAnnualPremium() {
		return this.minAnnualPremium;
	}

	int maxMaturityAge() {
		return this.maxMaturityAge;
	}

	public boolean isUnitLinked() {
		return this == ULIP;
	}

	public boolean hasBonusAndSurrenderValue() {
		return this == ENDOWMENT_PAR;
	}

}
