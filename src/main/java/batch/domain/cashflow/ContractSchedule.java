package batch.domain.cashflow;

/**
 * The events a contract schedules (the "Contract Schedule" tables of ACTUS section 7), as
 * actus-core builds them: schedules per event type, capitalization turning early interest
 * payments into IPCI, a fixed next reset turning the first reset into RRF, annuities fixing their
 * payment (PRF) at the start and at every reset, and termination cutting off what follows.
 */
final class ContractSchedule {

	private ContractSchedule() {
	}

	/** The contract's events, with a monitoring event (AD) at each analysis time up to maturity. */
	static EventQueue of(ContractTerms terms, long maturity, long[] analysisTimes) {
		EventQueue queue = new EventQueue(terms.businessDay, terms.calendar,
				expectedEvents(terms, maturity) + analysisTimes.length);
		for (long time : analysisTimes) {
			if (time <= maturity) {
				queue.addExact(time, EventType.AD);
			}
		}
		// The initial exchange happens on its date, a holiday too; LAM and NAM shift their maturity
		// by the convention, PAM and ANN do not (the oracle README, points 1 and 2).
		queue.addExact(terms.initialExchangeDate, EventType.IED);
		if (terms.type == ContractType.LAM || terms.type == ContractType.NAM) {
			queue.add(maturity, EventType.MD);
		}
		else {
			queue.addExact(maturity, EventType.MD);
		}
		if (terms.purchaseDate != Moments.NONE) {
			queue.addExact(terms.purchaseDate, EventType.PRD);
		}
		long[] principal = new long[0];
		if (terms.type.amortizes()) {
			principal = Schedule.of(terms.principalRedemptionAnchor, terms.principalRedemptionCycle, maturity,
					terms.endOfMonth, false);
			queue.addAll(principal, EventType.PR);
		}
		addInterestPayments(queue, terms, maturity);
		addRateResets(queue, terms, maturity);
		if (terms.interestScaled || terms.notionalScaled) {
			queue.addAll(Schedule.of(terms.scalingAnchor, terms.scalingCycle, maturity, terms.endOfMonth, false),
					EventType.SC);
		}
		if (terms.type.amortizes()
				&& terms.interestCalculationBase == ContractTerms.InterestCalculationBase.NTL) {
			queue.addAll(Schedule.of(terms.interestCalculationBaseAnchor, terms.interestCalculationBaseCycle, maturity,
					terms.endOfMonth, false), EventType.IPCB);
		}
		if (terms.terminationDate != Moments.NONE) {
			queue.removeAfter(terms.terminationDate, EventType.TD);
			queue.addExact(terms.terminationDate, EventType.TD);
		}
		return queue;
	}

	// Enough room for the interest and principal schedules at their cycles, so the queue rarely grows.
	private static int expectedEvents(ContractTerms terms, long maturity) {
		double days = Math.max(0, Moments.daysBetween(terms.initialExchangeDate, maturity));
		return 8 + perCycle(days, terms.interestPaymentCycle) + perCycle(days, terms.principalRedemptionCycle)
				+ (terms.type.amortizes() ? perCycle(days, terms.principalRedemptionCycle) : 0)
				+ 2 * perCycle(days, terms.rateResetCycle);
	}

	private static int perCycle(double days, Cycle cycle) {
		if (cycle == null) {
			return 2;
		}
		double cycleDays = cycle.inMonths() ? cycle.months() * 28.0 : cycle.days();
		return (int) Math.min(days / cycleDays + 2, 1 << 19);
	}

	// Every type pays interest on its own cycle, S(IPANX, IPCL, MD) with the maturity: ANN and NAM
	// add no payment at their redemptions (the oracle README, point 9). Without a cycle, the
	// anchor (if any) and the maturity, as the data dictionary says of IPCL: MD pays no interest.
	private static void addInterestPayments(EventQueue queue, ContractTerms terms, long maturity) {
		queue.addAll(Schedule.of(terms.interestPaymentAnchor, terms.interestPaymentCycle, maturity,
				terms.endOfMonth, true), EventType.IP);
		if (terms.capitalizationEndDate != Moments.NONE) {
			long end = queue.shifted(terms.capitalizationEndDate);
			queue.retype(EventType.IP, end, EventType.IPCI);
			queue.remove(end, EventType.IPCI);
			queue.add(terms.capitalizationEndDate, EventType.IPCI);
		}
	}

	private static void addRateResets(EventQueue queue, ContractTerms terms, long maturity) {
		if (terms.type == ContractType.ANN && Double.isNaN(terms.nextPrincipalRedemptionPayment)) {
			// the payment is fixed the day before the first redemption; before the initial
			// exchange it is fixed by the exchange itself
			long fixing = Moments.plusDays(terms.principalRedemptionAnchor, -1);
			if (fixing >= terms.initialExchangeDate) {
				queue.add(fixing, EventType.PRF);
			}
		}
		if (terms.rateResetAnchor == Moments.NONE) {
			return;
		}
		long[] resets = Schedule.of(terms.rateResetAnchor, terms.rateResetCycle, maturity, terms.endOfMonth, false);
		queue.addAll(resets, EventType.RR);
		if (!Double.isNaN(terms.nextResetRate)) {
			queue.retypeFirstAfter(EventType.RR, terms.statusDate, EventType.RRF);
		}
		if (terms.type == ContractType.ANN) {
			// the payment is fixed again after every reset, on the day the reset happens: that
			// day is the fixing's scheduled time (the oracle README, point 8)
			for (long reset : resets) {
				queue.add(queue.shifted(reset), EventType.PRF);
			}
		}
	}

}
