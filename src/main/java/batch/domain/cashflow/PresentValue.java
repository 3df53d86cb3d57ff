package batch.domain.cashflow;

import java.time.LocalDate;

/**
 * The present value of a contract's events on a valuation date v: the sum of every payoff after
 * v times its discount factor at τ = days from v / 365 (spec "Present value"), in one currency.
 */
public final class PresentValue {

	private PresentValue() {
	}

	/** Of every event: for a contract whose events pay in one currency, the curve's. */
	public static double of(CashFlowProjection events, YieldCurve curve, LocalDate valuationDate) {
		return of(events, null, curve, valuationDate);
	}

	/**
	 * Of the events that pay in one currency, on that currency's curve: v1 has no FX conversion,
	 * so the legs of a contract in two currencies are valued apart.
	 */
	public static double of(CashFlowProjection events, String currency, YieldCurve curve, LocalDate valuationDate) {
		long valuationDay = valuationDate.toEpochDay();
		double value = 0;
		for (int i = 0; i < events.size(); i++) {
			long day = Moments.epochDay(events.moment(i));
			if (day > valuationDay && (currency == null || currency.equals(events.currency(i)))) {
				value += events.payoff(i) * curve.discountFactor((day - valuationDay) / 365.0);
			}
		}
		return value;
	}

}
