package batch.domain.illustration;

import java.math.BigDecimal;

/**
 * How often the modal premium is paid; the annualised premium is the modal premium times
 * {@link #paymentsPerYear()}, with no modal loading.
 */
public enum PremiumFrequency {

	YEARLY(1), HALF_YEARLY(2), MONTHLY(12);

	private final int paymentsPerYear;

	PremiumFrequency(int paymentsPerYear) {
		this.paymentsPerYear = paymentsPerYear;
	}

	public int paymentsPerYear() {
		return this.paymentsPerYear;
	}

	/** Months between two payments: 12, 6 or 1. */
	public int monthsBetweenPayments() {
		return 12 / this.paymentsPerYear;
	}

	public BigDecimal annualise(BigDecimal modalPremium) {
		return modalPremium.multiply(BigDecimal.valueOf(this.paymentsPerYear));
	}

}
