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

	@Test
	void aRootOnARoundingBoundaryRoundsHalfUp() {
		// 1,000 once, 1,000 x 1.00005 back after a year: the yield is exactly 0.00005
		assertThat(InternalRateOfReturn.of(new BigDecimal("1000"), 1, 1, new BigDecimal("1000.05")))
			.isEqualTo(new BigDecimal("0.0001"));
		// a hair below the boundary rounds down, a hair above rounds up
		assertThat(InternalRateOfReturn.of(new BigDecimal("100000000"), 1, 1, new BigDecimal("100004999.99")))
			.isEqualTo(new BigDecimal("0.0000"));
		assertThat(InternalRateOfReturn.of(new BigDecimal("100000000"), 1, 1, new BigDecimal("100005000.01")))
			.isEqualTo(new BigDecimal("0.0001"));
		// and a negative boundary rounds away from zero: -0.00005 -> -0.0001
		assertThat(InternalRateOfReturn.of(new BigDecimal("1000"), 1, 1, new BigDecimal("999.95")))
			.isEqualTo(new BigDecimal("-0.0001"));
	}

}
