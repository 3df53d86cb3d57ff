package batch.domain.illustration;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The yield of premiums against the maturity benefit.
 */
class InternalRateOfReturnTests {

	@Test
	void singlePremiumGrowingAtAKnownRate() {
		// 1,000 paid once, 1,000 x 1.05^10 = 1,628.89 at the end of year 10 -> 5%
		assertThat(InternalRateOfReturn.of(new BigDecimal("1000"), 1, 10, new BigDecimal("1628.89")))
			.isEqualTo(new BigDecimal("0.0500"));
	}

	@Test
	void benefitEqualToPremiumsGivesZero() {
		assertThat(InternalRateOfReturn.of(new BigDecimal("50000"), 5, 5, new BigDecimal("250000")))
			.isEqualByComparingTo("0");
	}

	@Test
	void lossGivesANegativeYield() {
		assertThat(InternalRateOfReturn.of(new BigDecimal("50000"), 5, 10, new BigDecimal("200000"))).isNegative();
	}

	@Test
	void noMaturityBenefitNoYield() {
		assertThat(InternalRateOfReturn.of(new BigDecimal("50000"), 5, 10, BigDecimal.ZERO)).isNull();
		assertThat(InternalRateOfReturn.of(new BigDecimal("50000"), 5, 10, new BigDecimal("-1"))).isNull();
	}

}
