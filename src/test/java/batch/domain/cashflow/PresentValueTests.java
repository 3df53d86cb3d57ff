package batch.domain.cashflow;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/**
 * Discount factors on a zero curve and the present value of a hand-computed contract.
 */
class PresentValueTests {

	private final YieldCurve curve = YieldCurve.of(Map.of("1Y", 0.03, "2Y", 0.04, "5Y", 0.05));

	@Test
	void pillarsDiscountAtTheirZeroRates() {
		assertThat(this.curve.discountFactor(1)).isCloseTo(1 / 1.03, within(1e-15));
		assertThat(this.curve.discountFactor(2)).isCloseTo(Math.pow(1.04, -2), within(1e-15));
	}

	@Test
	void betweenPillarsTheLogOfTheDiscountFactorIsLinear() {
		// at 1.5 years: halfway between ln(1/1.03) and ln(1.04^-2)
		double expected = Math.exp((Math.log(1 / 1.03) + Math.log(Math.pow(1.04, -2))) / 2);

		assertThat(this.curve.discountFactor(1.5)).isCloseTo(expected, within(1e-15));
		// at 3 years: a third of the way from 2Y to 5Y
		double lnAt2 = -2 * Math.log(1.04);
		double lnAt5 = -5 * Math.log(1.05);
		assertThat(this.curve.discountFactor(3)).isCloseTo(Math.exp(lnAt2 + (lnAt5 - lnAt2) / 3), within(1e-15));
	}

	@Test
	void outsideThePillarsTheNearestZeroRateHolds() {
		assertThat(this.curve.discountFactor(0.25)).isCloseTo(Math.pow(1.03, -0.25), within(1e-15));
		assertThat(this.curve.discountFactor(30)).isCloseTo(Math.pow(1.05, -30), within(1e-15));
	}

	@Test
	void unknownTenorsAndEmptyCurvesAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> YieldCurve.of(Map.of("4Y", 0.01)));
		assertThatIllegalArgumentException().isThrownBy(() -> YieldCurve.of(Map.of()));
	}

	@Test
	void presentValueOfABulletLoanByHand() {
		// given a 2-year PAM, 1,000 at 10% A365 paid yearly, valued on its status date on a flat 5% curve
		ContractTerms terms = ContractTerms.parse(Map.ofEntries(Map.entry("contractType", "PAM"),
				Map.entry("contractID", "bullet"), Map.entry("contractRole", "RPA"),
				Map.entry("statusDate", "2020-01-01"), Map.entry("initialExchangeDate", "2020-01-02"),
				Map.entry("maturityDate", "2022-01-02"), Map.entry("notionalPrincipal", "1000"),
				Map.entry("nominalInterestRate", "0.1"), Map.entry("dayCountConvention", "A365"),
				Map.entry("cycleOfInterestPayment", "P1YL1"), Map.entry("currency", "USD")));
		CashFlowProjection events = new CashFlowEngine().project(terms, (code, moment) -> 0);
		YieldCurve flat = YieldCurve.of(Map.of("1Y", 0.05));

		double pv = PresentValue.of(events, flat, LocalDate.of(2020, 1, 1));

		// -1000 after 1 day; interest of 366 days (2020 is a leap year) after 367; interest of 365
		// days and the principal after 732
		double expected = -1000 * Math.pow(1.05, -1 / 365.0) + 100 * 366 / 365.0 * Math.pow(1.05, -367 / 365.0)
				+ 1100 * Math.pow(1.05, -732 / 365.0);
		assertThat(pv).isCloseTo(expected, within(1e-9));
		assertThat(events.size()).isEqualTo(4);
		// and on the maturity date itself nothing is left to value
		assertThat(PresentValue.of(events, flat, LocalDate.of(2022, 1, 2))).isZero();
	}

}
