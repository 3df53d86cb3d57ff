package batch.domain.illustration;

import java.math.BigDecimal;
import java.util.List;

/**
 * The charges deducted from a ULIP fund, each with GST rounded separately.
 *
 * @param premiumAllocation PAC_t by policy year, year 1 first; 0 after the last
 * @param monthlyAdministration the administration charge a month
 * @param monthlyFundManagement the fund management charge a month, a fraction of the fund
 * @param gst the tax on every charge
 */
record UlipCharges(List<BigDecimal> premiumAllocation, BigDecimal monthlyAdministration,
		BigDecimal monthlyFundManagement, BigDecimal gst, DiscontinuanceCharge discontinuance) {

	public UlipCharges {
		premiumAllocation = List.copyOf(premiumAllocation);
	}

	BigDecimal premiumAllocation(int year) {
		return (year <= this.premiumAllocation.size()) ? this.premiumAllocation.get(year - 1) : BigDecimal.ZERO;
	}

	/** r2(g x charge), the tax on one charge. */
	BigDecimal gstOn(BigDecimal charge) {
		return Rounding.R2.of(this.gst.multiply(charge));
	}

}
