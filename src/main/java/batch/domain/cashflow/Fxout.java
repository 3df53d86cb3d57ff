package batch.domain.cashflow;

import java.time.Period;
import java.time.format.DateTimeParseException;

/**
 * FXOUT, the foreign exchange outright (ACTUS 7.11): an FX forward that exchanges
 * {@code notionalPrincipal} in the currency for {@code notionalPrincipal2} in {@code currency2} at
 * maturity, delivered gross (two MD events, one per currency) or settled net (one STD in the
 * currency, {@code settlementPeriod} after the maturity, at the exchange rate fixed at maturity).
 * It carries no notional, rate or interest as state: every event reports zeros.
 */
final class Fxout extends Contract {

	private final double role;

	// the two legs of a gross delivery are two MD events at one time, in the order scheduled
	private boolean firstLegDelivered;

	Fxout(ContractTerms terms, MarketData market) {
		super(terms, market);
		this.role = terms.roleSign;
	}

	/** Whether the contract settles in cash, net (deliverySettlement S), rather than by delivery. */
	private static boolean settlesNet(ContractTerms terms) {
		return "S".equals(terms.allowed(Term.DELIVERY_SETTLEMENT));
	}

	/**
	 * The time from fixing to settlement, P0D when absent. The cases write it as a cycle (P1DL0):
	 * a stub means nothing for a period and is ignored.
	 * @throws ContractRejectedException UNKNOWN_CONVENTION when it is not a period in ISO order
	 */
	static Period settlementPeriod(ContractTerms terms) {
		String text = terms.text(Term.SETTLEMENT_PERIOD);
		if (text == null) {
			return Period.ZERO;
		}
		try {
			return Period.parse(text.replaceFirst("L[01]$", ""));
		}
		catch (DateTimeParseException ex) {
			throw new ContractRejectedException(CashFlowRejectReason.UNKNOWN_CONVENTION,
					"settlementPeriod is not a period in the order years, months, weeks, days, e.g. P2D");
		}
	}

	// The last event: the delivery at maturity, or the net settlement after it, each shifted by the
	// convention; a horizon at maturity keeps it (the techspec's Md is the settlement's time).
	@Override
	long maturity() {
		ContractTerms terms = this.terms;
		long end = terms.maturityDate;
		if (settlesNet(terms)) {
			Period period = settlementPeriod(terms);
			end = Moments.plusDays(Moments.plusMonths(end, period.toTotalMonths(), false), period.getDays());
		}
		return terms.businessDay.shift(end, terms.calendar);
	}

	@Override
	String[] currencies() {
		return new String[] { this.terms.currency, this.terms.text(Term.CURRENCY2) };
	}

	@Override
	EventQueue schedule(ObservedEvents observed, long end) {
		ContractTerms terms = this.terms;
		long[] analysisTimes = observed.timesOf(EventType.AD);
		EventQueue queue = newQueue(4 + analysisTimes.length);
		for (long time : analysisTimes) {
			if (time <= this.maturity) {
				queue.addExact(time, EventType.AD);
			}
		}
		if (terms.purchaseDate != Moments.NONE) {
			queue.addExact(terms.purchaseDate, EventType.PRD);
		}
		if (settlesNet(terms)) {
			queue.addExact(this.maturity, EventType.STD);
		}
		else {
			queue.add(terms.maturityDate, EventType.MD);
			queue.add(terms.maturityDate, EventType.MD);
		}
		addTermination(queue);
		return queue;
	}

	@Override
	void initialize() {
		super.initialize();
		this.firstLegDelivered = false;
	}

	@Override
	double evaluate(EventType type, long scheduled, long time) {
		ContractTerms terms = this.terms;
		return switch (type) {
			case PRD -> -this.role * terms.priceAtPurchaseDate;
			case TD -> this.role * terms.priceAtTerminationDate;
			case MD -> deliver();
			case STD -> settle();
			case AD -> 0;
			default -> throw new IllegalStateException("no evaluation for " + type + " in FXOUT");
		};
	}

	// ACTUS POF_STD(1) and POF_STD(2), events that the published cases (as actus-core) report as
	// MD: the first currency's notional received, the second's paid (on the asset side), each in
	// its own currency.
	private double deliver() {
		if (!this.firstLegDelivered) {
			this.firstLegDelivered = true;
			return this.role * this.terms.notionalPrincipal;
		}
		this.eventCurrency = 1;
		return -this.role * this.terms.real(Term.NOTIONAL_PRINCIPAL2, Double.NaN);
	}

	// ACTUS POF_STD: the difference of the legs in the first currency, at the rate of currency2
	// in the currency (market object CUR2/CUR) fixed at the maturity date, as given: the settlement
	// period only delays the payment (the data dictionary's STP runs from fixing to settlement).
	private double settle() {
		ContractTerms terms = this.terms;
		double rate = this.market.valueAt(terms.text(Term.CURRENCY2) + "/" + terms.currency, terms.maturityDate);
		return this.role * (terms.notionalPrincipal - rate * terms.real(Term.NOTIONAL_PRINCIPAL2, Double.NaN));
	}

}
