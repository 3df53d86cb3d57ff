package batch.domain.illustration;

import batch.reader.BasisLoader;

import org.springframework.core.io.ClassPathResource;

/**
 * The basis shipped with the application, loaded the way the application loads it.
 */
final class TestBases {

	static final Basis BASIS_2026_1 = BasisLoader.load(new ClassPathResource("basis/basis-2026.1.properties"));

	private TestBases() {
	}

	static Policy policy(Product product, Gender gender, int age, String sumAssured, String modalPremium,
			PremiumFrequency frequency, int term, int premiumPayingTerm) {
		return new Policy(1L, product, gender, age, new java.math.BigDecimal(sumAssured),
				new java.math.BigDecimal(modalPremium), frequency, term, premiumPayingTerm);
	}

}
