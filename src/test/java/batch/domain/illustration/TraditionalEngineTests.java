package batch.domain.illustration;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static batch.domain.illustration.TestBases.BASIS_2026_1;
import static batch.domain.illustration.TestBases.policy;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The spec's worked example 1 (ENDOWMENT_PAR), every figure, and the traditional engine's edge
 * cases.
 */
class TraditionalEngineTests {

	private final Illustrator illustrator = new Illustrator(BASIS_2026_1);

	private final Policy example1 = policy(Product.ENDOWMENT_PAR, Gender.M, 35, "250000", "50000",
			PremiumFrequency.YEARLY, 10, 5);

	@ParameterizedTest(name = "year {0}")
	@CsvSource({
			// t, TPP, GSV, DB_4, SV_4, DB_8, SV_8
			"1, 50000, 0.00, 500000.00, 28258.38, 500000.00, 31469.56",
			"2, 100000, 30000.00, 505000.00, 60857.25, 511250.00, 67772.84",
			"3, 150000, 52500.00, 510000.00, 98296.63, 522500.00, 109466.70",
			"4, 200000, 100000.00, 515000.00, 141127.74, 533750.00, 157164.99",
			"5, 250000, 125000.00, 520000.00, 189957.94, 545000.00, 211544.07",
			"8, 250000, 175000.00, 535000.00, 250108.18, 578750.00, 293230.29",
			"9, 250000, 225000.00, 540000.00, 273959.88, 590000.00, 326197.99",
			"10, 250000, 0.00, 545000.00, 0.00, 601250.00, 0.00" })
	void example1ReproducesTheTableOfTheSpec(int year, String paid, String gsv, String db4, String sv4, String db8,
			String sv8) {
		// given the spec's example 1 policy, when illustrated
		IllustrationYear row = this.illustrator.illustrate(this.example1).years().get(year - 1);

		// then every column of the spec's table matches to the paisa
		assertThat(row.year()).isEqualTo(year);
		assertThat(row.totalPremiumsPaid()).isEqualByComparingTo(paid);
		assertThat(row.guaranteedSurrenderValue()).isEqualTo(new BigDecimal(gsv));
		assertThat(row.scenarios().get(0).deathBenefit()).isEqualTo(new BigDecimal(db4));
		assertThat(row.scenarios().get(0).surrenderValue()).isEqualTo(new BigDecimal(sv4));
		assertThat(row.scenarios().get(1).deathBenefit()).isEqualTo(new BigDecimal(db8));
		assertThat(row.scenarios().get(1).surrenderValue()).isEqualTo(new BigDecimal(sv8));
	}

	@Test
	void example1FiguresOfTheText() {
		Illustration illustration = this.illustrator.illustrate(this.example1);

		// GDB = 500,000 every year; RB = 5,000 (4%), 11,250 (8%)
		assertThat(illustration.years()).extracting(IllustrationYear::guaranteedDeathBenefit)
			.allSatisfy((gdb) -> assertThat(gdb).isEqualTo(new BigDecimal("500000.00")));
		assertThat(illustration.years().get(0).scenarios()).extracting(ScenarioValues::accruedBonus)
			.containsExactly(new BigDecimal("5000.00"), new BigDecimal("11250.00"));
		// DF_9 = 0.5137887351; year 8 factor = 0.70
		assertThat(BASIS_2026_1.discountFactor(9)).isEqualTo(new BigDecimal("0.5137887351"));
		assertThat(TraditionalEngine.surrenderFactor(8, 10)).isEqualByComparingTo("0.70");
		// MB_4 = 300,000.00; MB_8 = 250,000 + 112,500 + 33,750 = 396,250.00
		IllustrationYear last = illustration.years().get(9);
		assertThat(last.scenarios().get(0).maturityBenefit()).isEqualTo(new BigDecimal("300000.00"));
		assertThat(last.scenarios().get(1).accruedBonus()).isEqualTo(new BigDecimal("112500.00"));
		assertThat(last.scenarios().get(1).maturityBenefit()).isEqualTo(new BigDecimal("396250.00"));
		// irr_4 = 0.0230, irr_8 = 0.0588
		assertThat(illustration.outcomes()).containsExactly(
				new ScenarioOutcome(new BigDecimal("300000.00"), new BigDecimal("0.0230")),
				new ScenarioOutcome(new BigDecimal("396250.00"), new BigDecimal("0.0588")));
		assertThat(illustration.status()).isEqualTo(PolicyStatus.OK);
		assertThat(illustration.basisVersion()).isEqualTo("basis-2026.1");
	}

	@Test
	void premiumsStopAfterThePremiumPayingTermAndMaturityIsOnlyInTheLastYear() {
		List<IllustrationYear> years = this.illustrator.illustrate(this.example1).years();

		assertThat(years).extracting(IllustrationYear::premium)
			.extracting(BigDecimal::toPlainString)
			.containsExactly("50000.00", "50000.00", "50000.00", "50000.00", "50000.00", "0.00", "0.00", "0.00",
					"0.00", "0.00");
		assertThat(years).extracting(IllustrationYear::age).containsExactly(35, 36, 37, 38, 39, 40, 41, 42, 43, 44);
		assertThat(years.subList(0, 9)).allSatisfy((year) -> assertThat(year.scenarios())
			.allSatisfy((values) -> assertThat(values.maturityBenefit()).isEqualTo(new BigDecimal("0.00"))));
	}

	@Test
	void premiumPayingTermOneShortOfTheTerm() {
		// given PPT = PT - 1, the longest premium paying term ENDOWMENT_PAR allows
		Policy policy = policy(Product.ENDOWMENT_PAR, Gender.F, 30, "300000", "30000", PremiumFrequency.YEARLY, 12,
				11);

		List<IllustrationYear> years = this.illustrator.illustrate(policy).years();

		// then premiums run to year 11 and the paid-up sum assured reaches SA at year 11:
		// PUSA_11 = 300,000, ARB_11 = 11 x 6,000 = 66,000 (4%), DF_1 = r10(1 / 1.0768)
		assertThat(years.get(10).premium()).isEqualTo(new BigDecimal("30000.00"));
		assertThat(years.get(11).premium()).isEqualTo(new BigDecimal("0.00"));
		assertThat(years.get(11).totalPremiumsPaid()).isEqualTo(new BigDecimal("330000.00"));
		BigDecimal df1 = new BigDecimal("0.9286775632");
		assertThat(BASIS_2026_1.discountFactor(1)).isEqualTo(df1);
		BigDecimal ssv11 = new BigDecimal("366000.00").multiply(df1).setScale(2, java.math.RoundingMode.HALF_UP);
		// GSV_11 = 0.90 x 330,000 = 297,000 (t >= PT - 1)
		assertThat(years.get(10).guaranteedSurrenderValue()).isEqualTo(new BigDecimal("297000.00"));
		assertThat(years.get(10).scenarios().get(0).surrenderValue()).isEqualTo(ssv11.max(new BigDecimal("297000.00")));
		// PUSA_3 = r2(300,000 x 3 / 11) = 81,818.18
		BigDecimal ssv3 = new BigDecimal("81818.18").add(new BigDecimal("18000.00"))
			.multiply(BASIS_2026_1.discountFactor(9))
			.setScale(2, java.math.RoundingMode.HALF_UP);
		assertThat(years.get(2).scenarios().get(0).surrenderValue()).isEqualTo(ssv3.max(new BigDecimal("31500.00")));
		// GDB: 10 x AP = 300,000 until 1.05 x TPP overtakes it (TPP 300,000 in year 10 -> 315,000)
		assertThat(years.get(8).guaranteedDeathBenefit()).isEqualTo(new BigDecimal("300000.00"));
		assertThat(years.get(9).guaranteedDeathBenefit()).isEqualTo(new BigDecimal("315000.00"));
		assertThat(years.get(11).guaranteedDeathBenefit()).isEqualTo(new BigDecimal("346500.00"));
	}

	@ParameterizedTest(name = "PT {1}, year {0}: factor {2}")
	@CsvSource({ "1, 30, 0", "2, 30, 0.30", "3, 30, 0.35", "4, 30, 0.50", "7, 30, 0.50", "8, 30, 0.5182",
			"9, 30, 0.5364", "20, 30, 0.7364", "27, 30, 0.8636", "28, 30, 0.8818", "29, 30, 0.90", "30, 30, 0.90",
			"8, 11, 0.6333", "9, 11, 0.7667", "10, 11, 0.90", "8, 10, 0.70", "9, 10, 0.90", "8, 25, 0.5235" })
	void surrenderFactorInterpolatesForLongTerms(int year, int term, String factor) {
		// r4(0.50 + 0.40 x (t - 7) / (PT - 8)), e.g. PT 30, t 8: r4(0.5 + 0.4 / 22) = 0.5182
		assertThat(TraditionalEngine.surrenderFactor(year, term)).isEqualByComparingTo(factor);
	}

	@Test
	void halfYearlyPremiumsAreAnnualisedWithoutLoading() {
		Policy policy = policy(Product.ENDOWMENT_PAR, Gender.M, 35, "250000", "25000", PremiumFrequency.HALF_YEARLY,
				10, 5);

		Illustration halfYearly = this.illustrator.illustrate(policy);
		Illustration yearly = this.illustrator.illustrate(this.example1);

		// then a half-yearly 25,000 illustrates exactly like a yearly 50,000
		assertThat(halfYearly.annualPremium()).isEqualByComparingTo("50000");
		assertThat(halfYearly.years()).isEqualTo(yearly.years());
		assertThat(halfYearly.outcomes()).isEqualTo(yearly.outcomes());
	}

	@Test
	void termHasNoBonusSurrenderOrMaturityAndNoIrr() {
		// given a TERM policy, entry age 50: death multiple 7 x AP
		Policy policy = policy(Product.TERM, Gender.F, 50, "100000", "5000", PremiumFrequency.YEARLY, 20, 20);

		Illustration illustration = this.illustrator.illustrate(policy);

		IllustrationYear first = illustration.years().get(0);
		assertThat(first.guaranteedDeathBenefit()).isEqualTo(new BigDecimal("100000.00"));
		assertThat(first.guaranteedSurrenderValue()).isEqualTo(new BigDecimal("0.00"));
		// 1.05 x TPP overtakes SA = 100,000 when TPP = 100,000 (year 20): 105,000
		IllustrationYear last = illustration.years().get(19);
		assertThat(last.guaranteedDeathBenefit()).isEqualTo(new BigDecimal("105000.00"));
		assertThat(illustration.years()).allSatisfy((year) -> assertThat(year.scenarios()).allSatisfy((values) -> {
			assertThat(values.deathBenefit()).isEqualTo(year.guaranteedDeathBenefit());
			assertThat(values.surrenderValue()).isEqualTo(new BigDecimal("0.00"));
			assertThat(values.maturityBenefit()).isEqualTo(new BigDecimal("0.00"));
			assertThat(values.accruedBonus()).isEqualTo(new BigDecimal("0.00"));
			assertThat(values.fundValue()).isNull();
		}));
		assertThat(illustration.outcomes()).allSatisfy((outcome) -> {
			assertThat(outcome.maturityBenefit()).isEqualTo(new BigDecimal("0.00"));
			assertThat(outcome.irr()).isNull();
		});
	}

	@Test
	void deathMultipleDropsToSevenFromEntryAge45() {
		Policy at44 = policy(Product.ENDOWMENT_PAR, Gender.M, 44, "100000", "20000", PremiumFrequency.YEARLY, 10, 5);
		Policy at45 = policy(Product.ENDOWMENT_PAR, Gender.M, 45, "100000", "20000", PremiumFrequency.YEARLY, 10, 5);

		assertThat(this.illustrator.illustrate(at44).years().get(0).guaranteedDeathBenefit())
			.isEqualTo(new BigDecimal("200000.00"));
		assertThat(this.illustrator.illustrate(at45).years().get(0).guaranteedDeathBenefit())
			.isEqualTo(new BigDecimal("140000.00"));
	}

}
