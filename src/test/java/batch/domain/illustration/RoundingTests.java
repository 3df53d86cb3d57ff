package batch.domain.illustration;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Rounding#ofQuotient} takes a shortcut; it must give, for every input, what rounding the
 * quotient at 34 significant digits gives.
 */
class RoundingTests {

	@Test
	void quotientsOfMoneyRoundAsAtWorkingPrecision() {
		SplittableRandom random = new SplittableRandom(2026);
		for (int i = 0; i < 200_000; i++) {
			BigDecimal dividend = BigDecimal.valueOf(random.nextLong(-10_000_000_000_000L, 10_000_000_000_000L),
					random.nextInt(0, 9));
			BigDecimal divisor = BigDecimal.valueOf(random.nextLong(1, 1_000_000_000L), random.nextInt(0, 7));
			for (Rounding rounding : Rounding.values()) {
				assertThat(rounding.ofQuotient(dividend, divisor)).as("%s / %s", dividend, divisor)
					.isEqualTo(atWorkingPrecision(rounding, dividend, divisor));
			}
		}
	}

	@Test
	void quotientsJustBesideAHalfRoundAsAtWorkingPrecision() {
		// 1/3 of 0.0149999999...7 + 3e-34: exact quotient a hair below the half at 2 places, which the
		// 34-digit quotient may round onto; and quotients whose guard digits read 499999 or 500000
		BigDecimal three = BigDecimal.valueOf(3);
		BigDecimal[] dividends = { new BigDecimal("0.0149999999999999999999999999999999999"),
				new BigDecimal("0.01499999999999999999999999999999999995"), new BigDecimal("0.0449999999999999999999"),
				new BigDecimal("0.04500000000000000000001"), new BigDecimal("12.34549999999"),
				new BigDecimal("12.3455000001"), new BigDecimal("-12.34549999999999999999999999999999999") };
		for (BigDecimal dividend : dividends) {
			for (BigDecimal divisor : new BigDecimal[] { BigDecimal.ONE, three, BigDecimal.valueOf(12),
					new BigDecimal("0.999999999999999999999999999999999999") }) {
				for (Rounding rounding : Rounding.values()) {
					assertThat(rounding.ofQuotient(dividend, divisor)).as("%s / %s", dividend, divisor)
						.isEqualTo(atWorkingPrecision(rounding, dividend, divisor));
				}
			}
		}
	}

	@Test
	void aQuotientWhose34DigitsRoundOntoAHalfRoundsUpAsTheSpecSays() {
		// 0.0049999...9 (35 nines after 0.004): at 34 significant digits it is 0.005, which rounds to 0.01;
		// the exact quotient would round to 0.00
		BigDecimal dividend = new BigDecimal("0.004" + "9".repeat(35));
		assertThat(Rounding.R2.ofQuotient(dividend, BigDecimal.ONE)).isEqualByComparingTo("0.01");
		assertThat(dividend.setScale(2, RoundingMode.HALF_UP)).isEqualByComparingTo("0.00");
	}

	@Test
	void largeQuotientsRoundAsAtWorkingPrecision() {
		BigDecimal dividend = new BigDecimal("123456789012345678901234567890.125");
		assertThat(Rounding.R2.ofQuotient(dividend, BigDecimal.valueOf(7)))
			.isEqualTo(atWorkingPrecision(Rounding.R2, dividend, BigDecimal.valueOf(7)));
	}

	private static BigDecimal atWorkingPrecision(Rounding rounding, BigDecimal dividend, BigDecimal divisor) {
		return rounding.of(dividend.divide(divisor, Rounding.WORKING));
	}

	@Test
	void productsOfMoneyAndRatesRoundAsSetScaleDoes() {
		SplittableRandom random = new SplittableRandom(19);
		BigDecimal[] rates = new BigDecimal[64];
		for (int i = 0; i < rates.length; i++) {
			// 34-digit growth factors and charges, as the engines take them from powers and quotients
			rates[i] = BigDecimal.valueOf(random.nextDouble(0.0001, 2.5))
				.pow(random.nextInt(1, 13), Rounding.WORKING)
				.divide(BigDecimal.valueOf(random.nextInt(1, 1200)), Rounding.WORKING);
		}
		for (int i = 0; i < 300_000; i++) {
			BigDecimal money = BigDecimal.valueOf(random.nextLong(-100_000_000_000_000L, 100_000_000_000_000L)
					>> random.nextInt(0, 40), random.nextInt(0, 5));
			BigDecimal value = money.multiply(rates[i & 63]);
			for (Rounding rounding : Rounding.values()) {
				assertThat(rounding.of(value)).as("%s", value).isEqualTo(value.setScale(rounding.places(), RoundingMode.HALF_UP));
			}
		}
	}

	@Test
	void valuesOnAndBesideAHalfRoundAsSetScaleDoes() {
		String[] values = { "0.0050000000000000000000000", "0.0049999999999999999999999", "0.0050000000000000000000001",
				"-0.0050000000000000000000000", "-0.0049999999999999999999999", "123456789.12500000000000000000001",
				"123456789.12499999999999999999999", "123456789.125000000000000000000", "-2.675000000000000000000",
				"274877906943.995000000000000000001", "274877906944.994999999999999999999",
				"99999999999999999.99500000000000000", "0.00000000000000000000000000000000000000001" };
		for (String text : values) {
			BigDecimal value = new BigDecimal(text);
			for (Rounding rounding : Rounding.values()) {
				assertThat(rounding.of(value)).as(text).isEqualTo(value.setScale(rounding.places(), RoundingMode.HALF_UP));
			}
		}
	}

}
