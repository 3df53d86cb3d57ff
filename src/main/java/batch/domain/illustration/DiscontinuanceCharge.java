package batch.domain.illustration;

import java.math.BigDecimal;
import java.util.List;

/**
 * The ULIP discontinuance charge of the first years: min(r2(pct_t x min(AP, FV_t)), cap_t), with
 * one scale for annual premiums up to a threshold and another above it, and nothing afterwards.
 */
record DiscontinuanceCharge(BigDecimal threshold, Scale upToThreshold, Scale aboveThreshold) {

	/** Percentages and caps by policy year, year 1 first. */
	public record Scale(List<BigDecimal> fractions, List<BigDecimal> caps) {

		public Scale {
			if (fractions.size() != caps.size()) {
				throw new IllegalArgumentException("discontinuance charge needs a cap for every percentage");
			}
			fractions = List.copyOf(fractions);
			caps = caps.stream().map((cap) -> cap.setScale(2)).toList();
		}

	}

	public BigDecimal charge(int year, BigDecimal annualPremium, BigDecimal fundValue) {
		Scale scale = (annualPremium.compareTo(this.threshold) <= 0) ? this.upToThreshold : this.aboveThreshold;
		if (year > scale.fractions().size()) {
			return BigDecimal.ZERO.setScale(2);
		}
		BigDecimal charge = Rounding.R2.of(scale.fractions().get(year - 1).multiply(annualPremium.min(fundValue)));
		return charge.min(scale.caps().get(year - 1));
	}

}
