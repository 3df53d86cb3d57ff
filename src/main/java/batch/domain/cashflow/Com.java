package batch.domain.cashflow;

/**
 * COM, a commodity (ACTUS 7.10): a quantity of a good, bought (PRD) and sold (TD) at a price per
 * unit. It has no maturity, no interest and no cash flow between its purchase and its
 * termination; the monitoring times observed on it (AD) pay nothing.
 */
final class Com extends Contract {

	// the data dictionary's default quantity
	private static final double ONE_UNIT = 1;

	private final double quantity;

	Com(ContractTerms terms, MarketData market) {
		super(terms, market);
		this.quantity = terms.real(Term.QUANTITY, ONE_UNIT);
	}

	@Override
	long maturity() {
		return Moments.NONE;
	}

	// ACTUS 7.10 takes its schedule from the stock's: the purchase and the termination on their
	// dates, holidays too, nothing after the termination.
	@Override
	EventQueue schedule(ObservedEvents observed, long end) {
		ContractTerms terms = this.terms;
		long[] analysisTimes = observed.timesOf(EventType.AD);
		EventQueue queue = newQueue(analysisTimes.length + 2);
		for (long time : analysisTimes) {
			queue.addExact(time, EventType.AD);
		}
		if (terms.purchaseDate != Moments.NONE) {
			queue.addExact(terms.purchaseDate, EventType.PRD);
		}
		addTermination(queue);
		return queue;
	}

	// The prices are per unit: the quantity times the price changes hands, as actus-core pays it
	// (the specification's table names the stock's payoffs, which have no quantity).
	@Override
	double evaluate(EventType type, long scheduled, long time) {
		ContractTerms terms = this.terms;
		return switch (type) {
			case PRD -> -terms.roleSign * this.quantity * terms.priceAtPurchaseDate;
			case TD -> terms.roleSign * this.quantity * terms.priceAtTerminationDate;
			case AD -> 0;
			default -> throw new IllegalStateException("no evaluation for " + type + " in COM");
		};
	}

}
