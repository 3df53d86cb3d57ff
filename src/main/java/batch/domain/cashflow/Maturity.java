package batch.domain.cashflow;

/**
 * The maturity of an amortizing contract whose terms do not give one (the "Md" initialisation of
 * ACTUS sections 7.2, 7.4 and 7.5): from the first redemption at or after the status date, as
 * many cycles as the next principal redemption payment needs to repay the notional (the oracle
 * README, point 10).
 */
final class Maturity {

	private Maturity() {
	}

	/** LAM: as many cycles as the redemption takes, on the end-of-month convention, unshifted. */
	static long linear(ContractTerms terms) {
		Cycle cycle = terms.principalRedemptionCycle;
		long first = firstRedemptionFrom(terms, cycle);
		return cycle.plus(first, count(terms.notionalPrincipal / terms.nextPrincipalRedemptionPayment) - 1,
				terms.endOfMonth.appliesTo(first, cycle));
	}

	/**
	 * ANN and NAM: the payment less one cycle's interest on the full notional, over plain calendar
	 * cycles (no end-of-month convention, in the year fraction and in the date), then shifted by
	 * the business-day convention, as actus-core derives it.
	 */
	static long level(ContractTerms terms) {
		Cycle cycle = terms.principalRedemptionCycle;
		long first = firstRedemptionFrom(terms, cycle);
		double notional = terms.notionalPrincipal;
		long next = cycle.plus(first, 1, false);
		double principalPerCycle = terms.nextPrincipalRedemptionPayment
				- notional * terms.dayCount.yearFraction(first, next, Moments.NONE) * terms.nominalInterestRate;
		long maturity = cycle.plus(first, count(notional / principalPerCycle) - 1, false);
		return terms.businessDay.shift(maturity, terms.calendar);
	}

	// ceil(notional / principal per cycle), the number of redemptions that repay the notional
	private static int count(double quotient) {
		if (!(quotient > 0)) {
			throw new ContractRejectedException(CashFlowRejectReason.INCONSISTENT_TERMS,
					"nextPrincipalRedemptionPayment never repays the notional: give maturityDate");
		}
		double cycles = Math.ceil(quotient);
		if (cycles > 100_000) {
			throw new ContractRejectedException(CashFlowRejectReason.INCONSISTENT_TERMS,
					"nextPrincipalRedemptionPayment takes more than 100000 cycles to repay the notional");
		}
		return (int) cycles;
	}

	private static long firstRedemptionFrom(ContractTerms terms, Cycle cycle) {
		long anchor = terms.principalRedemptionAnchor;
		if (anchor >= terms.statusDate) {
			return anchor;
		}
		int n = 1;
		long next = cycle.plus(anchor, n, false);
		while (next < terms.statusDate) {
			next = cycle.plus(anchor, ++n, false);
		}
		return next;
	}

}
