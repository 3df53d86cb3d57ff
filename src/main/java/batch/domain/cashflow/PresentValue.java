package batch.domain.cashflow;

import java.time.LocalDate;

/**
 * The present value of a contract's events on a valuation date v: the sum of every payoff after
 * v times its discount factor at τ = days from v / 365 (spec "Present value").
 */
public final class PresentValue {

	private PresentValue() {
	}

	public static double of(CashFlowProjection events, YieldCurve curve, LocalDate valuationDate) {
		long valuationDay = valuationDate.toEpochDay();
		double value = 0;
		for (int i = 0; i < events.size(); i++) {
			long day = Moments.epochDay(events.moment(i));
			if (day > valuationDay) {
				value += events.payoff(i) * curve.discountFactor((day - valuationDay) / 365.0);
			}
		}
		return value;
	}

}
