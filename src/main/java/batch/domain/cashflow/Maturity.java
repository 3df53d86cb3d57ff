package batch.domain.cashflow;

/**
 * The maturity of an amortizing contract whose terms do not give one (the "Md" initialisation of
 * ACTUS sections 7.2, 7.4 and 7.5): from the first redemption at or after the status date, as
 * many cycles as the next principal redemption payment needs to repay the notional.
 */
final class Maturity {

	private Maturity() {
	}

	static long of(ContractTerms terms) {
		if (terms.maturityDate != Moments.NONE) {
			return terms.maturityDate;
		}
		if (terms.type == ContractType.ANN && terms.amortizationDate != Moments.NONE) {
			return terms.amortizationDate;
		}
		Cycle cycle = terms.principalRedemptionCycle;
		long first = firstRedemptionFrom(terms, cycle);
		double payment = terms.nextPrincipalRedemptionPayment;
		double notional = terms.notionalPrincipal;
		double principalPerCycle = payment;
		if (terms.type != ContractType.LAM) {
			// the payment less the interest of one cycle on the full notional
			principalPerCycle = payment - notional * terms.dayCount.yearFraction(first,
					cycle.plus(first, 1, terms.endOfMonth.appliesTo(first, cycle)), Moments.NONE) * terms.nominalInterestRate;
		}
		if (!(principalPerCycle > 0)) {
			throw new ContractRejectedException(CashFlowRejectReason.INCONSISTENT_TERMS,
					"nextPrincipalRedemptionPayment never repays the notional: give maturityDate");
		}
		double cycles = Math.ceil(notional / principalPerCycle);
		if (cycles > 100_000) {
			throw new ContractRejectedException(CashFlowRejectReason.INCONSISTENT_TERMS,
					"nextPrincipalRedemptionPayment takes more than 100000 cycles to repay the notional");
		}
		return cycle.plus(first, (int) cycles - 1, terms.endOfMonth.appliesTo(first, cycle));
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
