package batch.domain.illustration;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static batch.domain.illustration.TestBases.BASIS_2026_1;
import static batch.domain.illustration.TestBases.policy;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The spec's worked example 2 (ULIP, yearly premium, AP > 25,000), every figure, and the ULIP
 * edge cases.
 */
class UlipEngineTests {

	private final Illustrator illustrator = new Illustrator(BASIS_2026_1);

	private final Policy example2 = policy(Product.ULIP, Gender.M, 35, "500000", "50000", PremiumFrequency.YEARLY, 15,
			10);

	@Test
	void example2FirstMonthAt8Percent() {
		// given the example's q = 0.00141 in year 1
		assertThat(BASIS_2026_1.mortality().rate(Gender.M, 35)).isEqualByComparingTo("0.00141");
		List<UlipEngine.FundMonth> months = new ArrayList<>();

		// when the 8% fund rolls
		new UlipEngine(BASIS_2026_1).rollFund(this.example2, BASIS_2026_1.scenarios().get(1), months::add);

		// then month 1 is step for step the spec's
		UlipEngine.FundMonth first = months.get(0);
		assertThat(first.afterPremium()).isEqualTo(new BigDecimal("47050.00"));
		assertThat(first.afterAdministration()).isEqualTo(new BigDecimal("46932.00"));
		assertThat(first.sumAtRisk()).isEqualTo(new BigDecimal("453068.00"));
		assertThat(first.mortalityCharge()).isEqualTo(new BigDecimal("53.24"));
		assertThat(first.afterMortality()).isEqualTo(new BigDecimal("46869.18"));
		assertThat(first.growth()).isEqualTo(new BigDecimal("301.56"));
		assertThat(first.fundManagementCharge()).isEqualTo(new BigDecimal("53.07"));
		assertThat(first.fundValue()).isEqualTo(new BigDecimal("47108.12"));
		assertThat(months).hasSize(180);
	}

	@ParameterizedTest(name = "year {0}")
	@CsvSource({
			// t, FV_4, SV_4, FV_8, SV_8, DB_8
			"1, 45959.93, 43202.33, 47767.92, 44901.84, 500000.00",
			"3, 143657.53, 142157.53, 155180.70, 153680.70, 500000.00",
			"5, 246204.34, 246204.34, 276807.03, 276807.03, 500000.00",
			"10, 535967.04, 535967.04, 667680.08, 667680.08, 667680.08",
			"15, 594614.09, 594614.09, 897584.23, 897584.23, 897584.23" })
	void example2ReproducesTheTableOfTheSpec(int year, String fv4, String sv4, String fv8, String sv8, String db8) {
		IllustrationYear row = this.illustrator.illustrate(this.example2).years().get(year - 1);

		assertThat(row.scenarios().get(0).fundValue()).isEqualTo(new BigDecimal(fv4));
		assertThat(row.scenarios().get(0).surrenderValue()).isEqualTo(new BigDecimal(sv4));
		assertThat(row.scenarios().get(1).fundValue()).isEqualTo(new BigDecimal(fv8));
		assertThat(row.scenarios().get(1).surrenderValue()).isEqualTo(new BigDecimal(sv8));
		assertThat(row.scenarios().get(1).deathBenefit()).isEqualTo(new BigDecimal(db8));
	}

	@Test
	void example2DiscontinuanceChargeOfYear1At4Percent() {
		// DC = min(r2(0.06 x 45,959.93), 6,000) = 2,757.60
		DiscontinuanceCharge charge = BASIS_2026_1.ulipCharges().discontinuance();

		assertThat(charge.charge(1, new BigDecimal("50000.00"), new BigDecimal("45959.93")))
			.isEqualTo(new BigDecimal("2757.60"));
	}

	@Test
	void example2MaturityAndColumnsThatDoNotApply() {
		Illustration illustration = this.illustrator.illustrate(this.example2);

		assertThat(illustration.outcomes()).extracting(ScenarioOutcome::maturityBenefit)
			.containsExactly(new BigDecimal("594614.09"), new BigDecimal("897584.23"));
		assertThat(illustration.outcomes()).allSatisfy((outcome) -> assertThat(outcome.irr()).isNotNull());
		assertThat(illustration.status()).isEqualTo(PolicyStatus.OK);
		assertThat(illustration.years()).allSatisfy((year) -> {
			assertThat(year.guaranteedDeathBenefit()).isNull();
			assertThat(year.guaranteedSurrenderValue()).isNull();
			assertThat(year.scenarios()).allSatisfy((values) -> assertThat(values.accruedBonus()).isNull());
		});
		assertThat(illustration.years().get(13).scenarios().get(1).maturityBenefit())
			.isEqualTo(new BigDecimal("0.00"));
		assertThat(illustration.years().get(14).scenarios().get(1).maturityBenefit())
			.isEqualTo(new BigDecimal("897584.23"));
	}

	@Test
	void monthlyPremiumsAreAllocatedEveryMonth() {
		// given a monthly ULIP at the minimum AP 24,000
		Policy monthly = policy(Product.ULIP, Gender.F, 30, "240000", "2000", PremiumFrequency.MONTHLY, 10, 10);
		List<UlipEngine.FundMonth> months = new ArrayList<>();

		new UlipEngine(BASIS_2026_1).rollFund(monthly, BASIS_2026_1.scenarios().get(0), months::add);

		// then each month's premium 2,000 loses PAC 100 and GST 18: 1,882 before admin 118
		UlipEngine.FundMonth first = months.get(0);
		assertThat(first.afterPremium()).isEqualTo(new BigDecimal("1882.00"));
		assertThat(first.afterAdministration()).isEqualTo(new BigDecimal("1764.00"));
		// SAR = 240,000 - 1,764 = 238,236 (1.05 x TPP = 2,100 < SA)
		assertThat(first.sumAtRisk()).isEqualTo(new BigDecimal("238236.00"));
		UlipEngine.FundMonth second = months.get(1);
		assertThat(second.afterPremium()).isEqualTo(first.fundValue().add(new BigDecimal("1882.00")));
		// year 2: PAC 3% -> 2,000 - 60 - 10.80
		UlipEngine.FundMonth thirteenth = months.get(12);
		assertThat(thirteenth.afterPremium()).isEqualTo(months.get(11).fundValue().add(new BigDecimal("1929.20")));
	}

	@Test
	void discontinuanceChargeForAnnualPremiumUpTo25000() {
		// given AP 24,000 (monthly 2,000), so the 20/15/10/5% scale capped at 3,000/2,000/1,500/1,000
		Policy monthly = policy(Product.ULIP, Gender.F, 30, "240000", "2000", PremiumFrequency.MONTHLY, 10, 10);

		List<IllustrationYear> years = this.illustrator.illustrate(monthly).years();

		for (int t = 1; t <= 4; t++) {
			for (ScenarioValues values : years.get(t - 1).scenarios()) {
				BigDecimal fund = values.fundValue();
				BigDecimal[] fractions = { new BigDecimal("0.20"), new BigDecimal("0.15"), new BigDecimal("0.10"),
						new BigDecimal("0.05") };
				BigDecimal[] caps = { new BigDecimal("3000.00"), new BigDecimal("2000.00"), new BigDecimal("1500.00"),
						new BigDecimal("1000.00") };
				BigDecimal expected = fractions[t - 1].multiply(fund.min(new BigDecimal("24000")))
					.setScale(2, java.math.RoundingMode.HALF_UP)
					.min(caps[t - 1]);
				assertThat(fund.subtract(values.surrenderValue())).isEqualTo(expected);
			}
		}
		// year 1 at 4%: the fund is below AP, and 20% of it is above the cap: DC = 3,000
		ScenarioValues year1 = years.get(0).scenarios().get(0);
		assertThat(year1.fundValue()).isBetween(new BigDecimal("15000.01"), new BigDecimal("24000"));
		assertThat(year1.fundValue().subtract(year1.surrenderValue())).isEqualTo(new BigDecimal("3000.00"));
		// from year 5 no charge
		assertThat(years.subList(4, 10)).allSatisfy((year) -> assertThat(year.scenarios())
			.allSatisfy((values) -> assertThat(values.surrenderValue()).isEqualTo(values.fundValue())));
		// premium column: 12 x 2,000 a year
		assertThat(years.get(0).premium()).isEqualTo(new BigDecimal("24000.00"));
	}

	@Test
	void halfYearlyPremiumsArePaidInMonths1And7() {
		Policy policy = policy(Product.ULIP, Gender.M, 40, "600000", "30000", PremiumFrequency.HALF_YEARLY, 10, 5);
		List<UlipEngine.FundMonth> months = new ArrayList<>();

		new UlipEngine(BASIS_2026_1).rollFund(policy, BASIS_2026_1.scenarios().get(0), months::add);

		// 30,000 - 1,500 - 270 = 28,230 allocated in months 1 and 7 only
		assertThat(months.get(0).afterPremium()).isEqualTo(new BigDecimal("28230.00"));
		assertThat(months.get(1).afterPremium()).isEqualTo(months.get(0).fundValue());
		assertThat(months.get(6).afterPremium()).isEqualTo(months.get(5).fundValue().add(new BigDecimal("28230.00")));
		assertThat(months.get(7).afterPremium()).isEqualTo(months.get(6).fundValue());
		// after PPT (year 6 on) no premium at all
		assertThat(months.get(60).afterPremium()).isEqualTo(months.get(59).fundValue());
	}

	@Test
	void fundBelowZeroAtAYearEndLapsesThePolicy() {
		// given a sum assured far above the premiums, so mortality charges outrun the fund
		Policy policy = policy(Product.ULIP, Gender.M, 55, "100000000", "24000", PremiumFrequency.YEARLY, 20, 5);

		Illustration illustration = this.illustrator.illustrate(policy);

		assertThat(illustration.status()).isEqualTo(PolicyStatus.LAPSED);
		assertThat(illustration.years()).anySatisfy((year) -> assertThat(year.scenarios().get(0).fundValue())
			.isNegative());
		// a negative maturity benefit has no yield
		assertThat(illustration.outcomes().get(0).maturityBenefit()).isNegative();
		assertThat(illustration.outcomes().get(0).irr()).isNull();
	}

}
