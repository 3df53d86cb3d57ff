package batch.domain.illustration;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The terms of a valid policy that the illustration engines need: no personal data, only the
 * entry age derived from it.
 *
 * @param sumAssured and {@code modalPremium} with scale 2
 */
public record Policy(long policyId, Product product, Gender gender, int entryAge, BigDecimal sumAssured,
		BigDecimal modalPremium, PremiumFrequency frequency, int term, int premiumPayingTerm) {

	public Policy {
		Objects.requireNonNull(product, "product");
		Objects.requireNonNull(gender, "gender");
		Objects.requireNonNull(frequency, "frequency");
		sumAssured = sumAssured.setScale(2);
		modalPremium = modalPremium.setScale(2);
	}

	/** AP: the modal premium times the payments a year. */
	public BigDecimal annualPremium() {
		return this.frequency.annualise(this.modalPremium);
	}

	/** TPP_t: premiums paid to the end of year t. */
	BigDecimal totalPremiumsPaid(int year) {
		return annualPremium().multiply(BigDecimal.valueOf(Math.min(year, this.premiumPayingTerm)));
	}

	BigDecimal premiumInYear(int year) {
		return (year <= this.premiumPayingTerm) ? annualPremium() : BigDecimal.ZERO.setScale(2);
	}

}
