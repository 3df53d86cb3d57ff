package batch.domain.illustration;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * ENDOWMENT_PAR and TERM (spec section (a)): guaranteed death and surrender benefits, reversionary
 * and terminal bonus, and special surrender values. TERM is the same engine with no bonus, no
 * surrender value and no maturity benefit.
 */
final class TraditionalEngine {

	private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

	// The death benefit is at least 105% of the premiums paid (IRDAI).
	private static final BigDecimal PREMIUM_RETURN = new BigDecimal("1.05");

	private static final BigDecimal GSV_SECOND_YEAR = new BigDecimal("0.30");

	private static final BigDecimal GSV_THIRD_YEAR = new BigDecimal("0.35");

	private static final BigDecimal GSV_FOURTH_TO_SEVENTH_YEAR = new BigDecimal("0.50");

	private static final BigDecimal GSV_FINAL_YEARS = new BigDecimal("0.90");

	private static final BigDecimal GSV_INTERPOLATION_SPAN = new BigDecimal("0.40");

	private final Basis basis;

	TraditionalEngine(Basis basis) {
		this.basis = basis;
	}

	Illustration illustrate(Policy policy) {
		boolean participating = policy.product().hasBonusAndSurrenderValue();
		int term = policy.term();
		BigDecimal sumAssured = policy.sumAssured();
		BigDecimal deathFloor = policy.annualPremium().multiply(this.basis.deathMultiple(policy.entryAge()));
		List<Scenario> scenarios = this.basis.scenarios();
		BigDecimal[] bonus = new BigDecimal[scenarios.size()];
		BigDecimal[] accruedBonus = new BigDecimal[scenarios.size()];
		for (int s = 0; s < scenarios.size(); s++) {
			bonus[s] = participating ? Rounding.R2.of(scenarios.get(s).reversionaryBonusRate().multiply(sumAssured))
					: ZERO;
			accruedBonus[s] = ZERO;
		}
		List<IllustrationYear> years = new ArrayList<>(term);
		BigDecimal[] maturityBenefit = new BigDecimal[scenarios.size()];
		for (int t = 1; t <= term; t++) {
			BigDecimal paid = policy.totalPremiumsPaid(t);
			BigDecimal guaranteedDeath = deathFloor.max(sumAssured).max(Rounding.R2.of(PREMIUM_RETURN.multiply(paid)));
			BigDecimal guaranteedSurrender = (participating && t < term)
					? Rounding.R2.of(surrenderFactor(t, term).multiply(paid)) : ZERO;
			BigDecimal paidUpSumAssured = participating ? paidUpSumAssured(policy, t) : ZERO;
			BigDecimal discount = this.basis.discountFactor(term - t);
			List<ScenarioValues> values = new ArrayList<>(scenarios.size());
			for (int s = 0; s < scenarios.size(); s++) {
				BigDecimal vestedBonus = accruedBonus[s];
				accruedBonus[s] = vestedBonus.add(bonus[s]);
				// This year's bonus has not vested when death occurs during the year.
				BigDecimal deathBenefit = guaranteedDeath.add(vestedBonus);
				BigDecimal surrender = ZERO;
				if (participating && t < term) {
					BigDecimal special = Rounding.R2.of(paidUpSumAssured.add(accruedBonus[s]).multiply(discount));
					surrender = guaranteedSurrender.max(special);
				}
				BigDecimal maturity = ZERO;
				if (participating && t == term) {
					BigDecimal terminalBonus = Rounding.R2
						.of(scenarios.get(s).terminalBonusRate().multiply(accruedBonus[s]));
					maturity = sumAssured.add(accruedBonus[s]).add(terminalBonus);
					maturityBenefit[s] = maturity;
				}
				values.add(new ScenarioValues(deathBenefit, surrender, maturity, accruedBonus[s], null));
			}
			years.add(new IllustrationYear(t, policy.entryAge() + t - 1, policy.premiumInYear(t), paid, guaranteedDeath,
					guaranteedSurrender, values));
		}
		List<ScenarioOutcome> outcomes = new ArrayList<>(scenarios.size());
		for (int s = 0; s < scenarios.size(); s++) {
			BigDecimal maturity = participating ? maturityBenefit[s] : ZERO;
			outcomes.add(new ScenarioOutcome(maturity, InternalRateOfReturn.of(policy.annualPremium(),
					policy.premiumPayingTerm(), term, maturity)));
		}
		return new Illustration(policy, years, outcomes, PolicyStatus.OK, this.basis.version());
	}

	// PUSA_t = r2(SA x min(t, PPT) / PPT)
	private static BigDecimal paidUpSumAssured(Policy policy, int year) {
		BigDecimal paidYears = BigDecimal.valueOf(Math.min(year, policy.premiumPayingTerm()));
		return Rounding.R2.ofQuotient(policy.sumAssured().multiply(paidYears),
				BigDecimal.valueOf(policy.premiumPayingTerm()));
	}

	// The guaranteed surrender value factor on the premiums paid, rising from 0.50 after year 7
	// to 0.90 in the last two years.
	static BigDecimal surrenderFactor(int year, int term) {
		if (year == 1) {
			return BigDecimal.ZERO;
		}
		if (year == 2) {
			return GSV_SECOND_YEAR;
		}
		if (year == 3) {
			return GSV_THIRD_YEAR;
		}
		if (year <= 7) {
			return GSV_FOURTH_TO_SEVENTH_YEAR;
		}
		if (year >= term - 1) {
			return GSV_FINAL_YEARS;
		}
		BigDecimal rise = GSV_INTERPOLATION_SPAN.multiply(BigDecimal.valueOf(year - 7))
			.divide(BigDecimal.valueOf(term - 8), Rounding.WORKING);
		return GSV_FINAL_YEARS.min(Rounding.R4.of(GSV_FOURTH_TO_SEVENTH_YEAR.add(rise)));
	}

}
