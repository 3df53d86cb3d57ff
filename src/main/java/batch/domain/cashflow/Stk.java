package batch.domain.cashflow;

/**
 * STK, a stock (ACTUS 7.9): a position in shares, bought (PRD) and sold (TD) at its prices, with
 * dividends (DV) on a cycle, each the amount observed in the market for its date, the first one
 * the next dividend payment amount where that is given. It has no maturity and no interest; the
 * monitoring times observed on it (AD) pay nothing.
 */
final class Stk extends Contract {

	private final long dividendAnchor;

	private final Cycle dividendCycle;

	private final double nextDividend;

	private final String dividendMarketObject;

	Stk(ContractTerms terms, MarketData market) {
		super(terms, market);
		this.dividendAnchor = terms.date(Term.CYCLE_ANCHOR_DATE_OF_DIVIDEND);
		this.dividendCycle = terms.cycle(Term.CYCLE_OF_DIVIDEND);
		this.nextDividend = terms.real(Term.NEXT_DIVIDEND_PAYMENT_AMOUNT, Double.NaN);
		// the specification's Orf(concat(CID, "-DV"), t) where no code is given
		String code = terms.text(Term.MARKET_OBJECT_CODE_OF_DIVIDENDS);
		this.dividendMarketObject = (code != null) ? code : terms.contractId + "-DV";
	}

	@Override
	long maturity() {
		return Moments.NONE;
	}

	// ACTUS 7.9: the purchase and the termination on their dates, holidays too, as PAM's; the
	// dividends shifted by the convention; nothing after the termination.
	@Override
	EventQueue schedule(ObservedEvents observed, long horizon) {
		ContractTerms terms = this.terms;
		long[] analysisTimes = observed.timesOf(EventType.AD);
		// the data dictionary ends the cycle at a "maximum projection period" it leaves to the
		// modeller: the termination, or else the horizon (a stock with neither is not projected)
		long end = (terms.terminationDate != Moments.NONE) ? terms.terminationDate : horizon;
		int dividends = (this.dividendAnchor != Moments.NONE)
				? perCycle(Math.max(0, Moments.daysBetween(this.dividendAnchor, end)), this.dividendCycle) : 0;
		EventQueue queue = newQueue(analysisTimes.length + 2 + dividends);
		for (long time : analysisTimes) {
			queue.addExact(time, EventType.AD);
		}
		if (terms.purchaseDate != Moments.NONE) {
			queue.addExact(terms.purchaseDate, EventType.PRD);
		}
		addDividends(queue, end);
		addTermination(queue);
		return queue;
	}

	// S(DVANX, DVCL, end), the end included: a dividend is paid on a day, not over a period, so
	// the cycle's stub changes nothing. The one after the ex-dividend date is the seller's when
	// the stock is bought after that date (the data dictionary's exDividendDate).
	private void addDividends(EventQueue queue, long end) {
		if (this.dividendAnchor == Moments.NONE) {
			return;
		}
		if (this.dividendCycle == null) {
			queue.add(this.dividendAnchor, EventType.DV);
			return;
		}
		ContractTerms terms = this.terms;
		long exDividend = terms.date(Term.EX_DIVIDEND_DATE);
		boolean sellers = exDividend != Moments.NONE && terms.purchaseDate != Moments.NONE
				&& exDividend < terms.purchaseDate;
		boolean toEndOfMonth = terms.endOfMonth.appliesTo(this.dividendAnchor, this.dividendCycle);
		long time = this.dividendAnchor;
		for (int n = 1; time <= end; n++) {
			if (sellers && time > exDividend) {
				sellers = false;
			}
			else {
				queue.add(time, EventType.DV);
			}
			time = this.dividendCycle.plus(this.dividendAnchor, n, toEndOfMonth);
		}
	}

	@Override
	double evaluate(EventType type, long scheduled, long time) {
		ContractTerms terms = this.terms;
		return switch (type) {
			case PRD -> -terms.roleSign * terms.priceAtPurchaseDate;
			case TD -> terms.roleSign * terms.priceAtTerminationDate;
			case DV -> terms.roleSign * dividend(scheduled);
			case AD -> 0;
			default -> throw new IllegalStateException("no evaluation for " + type + " in STK");
		};
	}

	// DV(fix) at the anchor where the next amount is given, else the amount observed at the
	// dividend's scheduled date (or the latest before it), as a rate reset reads its fixing.
	private double dividend(long scheduled) {
		if (scheduled == this.dividendAnchor && !Double.isNaN(this.nextDividend)) {
			return this.nextDividend;
		}
		return this.market.valueAt(this.dividendMarketObject, scheduled);
	}

}
