package batch.domain.illustration;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * ULIP with a type I death benefit (spec section (b)): a monthly roll of the fund through premium
 * allocation, administration, mortality, growth and fund management, with GST on each charge.
 */
final class UlipEngine {

	private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

	private static final BigDecimal PREMIUM_RETURN = new BigDecimal("1.05");

	private static final BigDecimal MONTHS = BigDecimal.valueOf(12);

	private final Basis basis;

	private final UlipCharges charges;

	UlipEngine(Basis basis) {
		this.basis = basis;
		this.charges = basis.ulipCharges();
	}

	Illustration illustrate(Policy policy) {
		List<Scenario> scenarios = this.basis.scenarios();
		List<BigDecimal[]> fundByScenario = new ArrayList<>(scenarios.size());
		for (Scenario scenario : scenarios) {
			fundByScenario.add(rollFund(policy, scenario, null));
		}
		boolean lapsed = false;
		List<IllustrationYear> years = new ArrayList<>(policy.term());
		for (int t = 1; t <= policy.term(); t++) {
			BigDecimal paid = policy.totalPremiumsPaid(t);
			BigDecimal premiumFloor = Rounding.R2.of(PREMIUM_RETURN.multiply(paid));
			List<ScenarioValues> values = new ArrayList<>(scenarios.size());
			for (BigDecimal[] funds : fundByScenario) {
				BigDecimal fund = funds[t];
				lapsed |= fund.signum() < 0;
				BigDecimal surrender = fund
					.subtract(this.charges.discontinuance().charge(t, policy.annualPremium(), fund));
				BigDecimal death = policy.sumAssured().max(fund).max(premiumFloor);
				BigDecimal maturity = (t == policy.term()) ? fund : ZERO;
				values.add(new ScenarioValues(death, surrender, maturity, null, fund));
			}
			years.add(new IllustrationYear(t, policy.entryAge() + t - 1, policy.premiumInYear(t), paid, null, null,
					values));
		}
		List<ScenarioOutcome> outcomes = new ArrayList<>(scenarios.size());
		for (BigDecimal[] funds : fundByScenario) {
			BigDecimal maturity = funds[policy.term()];
			outcomes.add(new ScenarioOutcome(maturity, InternalRateOfReturn.of(policy.annualPremium(),
					policy.premiumPayingTerm(), policy.term(), maturity)));
		}
		return new Illustration(policy, years, outcomes, lapsed ? PolicyStatus.LAPSED : PolicyStatus.OK,
				this.basis.version());
	}

	/**
	 * The fund value at the end of each policy year, indexed by year (index 0 unused).
	 * @param observer sees every month's steps when not null
	 */
	BigDecimal[] rollFund(Policy policy, Scenario scenario, MonthObserver observer) {
		BigDecimal[] yearEnd = new BigDecimal[policy.term() + 1];
		BigDecimal administration = this.charges.monthlyAdministration()
			.add(this.charges.gstOn(this.charges.monthlyAdministration()));
		int interval = policy.frequency().monthsBetweenPayments();
		BigDecimal fund = ZERO;
		BigDecimal paid = ZERO;
		for (int month = 1; month <= 12 * policy.term(); month++) {
			int year = (month - 1) / 12 + 1;
			boolean premiumDue = year <= policy.premiumPayingTerm() && (month - 1) % interval == 0;
			if (premiumDue) {
				BigDecimal premium = policy.modalPremium();
				paid = paid.add(premium);
				BigDecimal allocation = Rounding.R2.of(this.charges.premiumAllocation(year).multiply(premium));
				fund = fund.add(premium).subtract(allocation).subtract(this.charges.gstOn(allocation));
			}
			BigDecimal afterPremium = fund;
			fund = fund.subtract(administration);
			BigDecimal afterAdministration = fund;
			BigDecimal sumAtRisk = policy.sumAssured()
				.max(Rounding.R2.of(PREMIUM_RETURN.multiply(paid)))
				.subtract(fund)
				.max(BigDecimal.ZERO);
			BigDecimal q = this.basis.mortality().rate(policy.gender(), policy.entryAge() + year - 1);
			BigDecimal mortality = Rounding.R2.ofQuotient(sumAtRisk.multiply(q), MONTHS);
			fund = fund.subtract(mortality).subtract(this.charges.gstOn(mortality));
			BigDecimal afterMortality = fund;
			BigDecimal growth = Rounding.R2.of(fund.multiply(scenario.monthlyGrowth()));
			fund = fund.add(growth);
			BigDecimal management = Rounding.R2.of(fund.multiply(this.charges.monthlyFundManagement()));
			fund = fund.subtract(management).subtract(this.charges.gstOn(management));
			if (observer != null) {
				observer.month(new FundMonth(month, afterPremium, afterAdministration, sumAtRisk, mortality,
						afterMortality, growth, management, fund));
			}
			if (month % 12 == 0) {
				yearEnd[year] = fund;
			}
		}
		return yearEnd;
	}

	/** One month of the fund roll, for tests that follow the spec's worked example step by step. */
	record FundMonth(int month, BigDecimal afterPremium, BigDecimal afterAdministration, BigDecimal sumAtRisk,
			BigDecimal mortalityCharge, BigDecimal afterMortality, BigDecimal growth, BigDecimal fundManagementCharge,
			BigDecimal fundValue) {

	}

	/** Sees each month of a fund roll. */
	@FunctionalInterface
	interface MonthObserver {

		void month(FundMonth month);

	}

}
