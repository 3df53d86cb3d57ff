package batch.domain.cashflow;

/**
 * LAX, the exotic linear amortizer (ACTUS 7.3): step-up and step-down loans. Its redemptions,
 * interest payments and rate resets follow array schedules ({@link ArraySchedule}), segment by
 * segment: a segment of redemptions decreases the notional (PR) or increases it (PI) by its own
 * amount, a segment of resets fixes its own rate (RRF) or adds its own spread to the observed rate
 * (RR). Otherwise a linear amortizer: interest on its calculation base, the maturity shifted.
 */
final class Lax extends Amortizer {

	private final ArraySchedule redemptions;

	private final double[] payments;

	private final boolean[] increases;

	private final ArraySchedule interestPayments;

	private final ArraySchedule resets;

	private final double[] rates;

	private final boolean[] fixed;

	// the scheduled time of the reset whose rate nextResetRate gives, or NONE
	private final long presetReset;

	Lax(ContractTerms terms, MarketData market) {
		super(terms, market, false);
		this.redemptions = redemptions(terms);
		this.payments = terms.reals(Term.ARRAY_NEXT_PRINCIPAL_REDEMPTION_PAYMENT);
		this.increases = increases(terms);
		this.interestPayments = new ArraySchedule(terms.dates(Term.ARRAY_CYCLE_ANCHOR_DATE_OF_INTEREST_PAYMENT),
				terms.cycles(Term.ARRAY_CYCLE_OF_INTEREST_PAYMENT), terms.endOfMonth);
		this.resets = new ArraySchedule(terms.dates(Term.ARRAY_CYCLE_ANCHOR_DATE_OF_RATE_RESET),
				terms.cycles(Term.ARRAY_CYCLE_OF_RATE_RESET), terms.endOfMonth);
		this.rates = terms.reals(Term.ARRAY_RATE);
		String[] fixedVariable = terms.allowedValues(Term.ARRAY_FIXED_VARIABLE);
		this.fixed = new boolean[fixedVariable.length];
		for (int i = 0; i < fixedVariable.length; i++) {
			this.fixed[i] = fixedVariable[i].startsWith("F");
		}
		this.presetReset = presetReset();
	}

	@Override
	long maturity() {
		return (this.terms.maturityDate != Moments.NONE) ? this.terms.maturityDate : derivedMaturity(this.terms);
	}

	/**
	 * ACTUS 7.3, Md without a maturity date: the redemption after the status date that leaves
	 * nothing outstanding. When the last segment has no cycle, its anchor: the maturity then
	 * redeems what is left.
	 * @throws ContractRejectedException when the redemptions never repay the notional
	 */
	static long derivedMaturity(ContractTerms terms) {
		ArraySchedule redemptions = redemptions(terms);
		double[] payments = terms.reals(Term.ARRAY_NEXT_PRINCIPAL_REDEMPTION_PAYMENT);
		boolean[] increases = increases(terms);
		double outstanding = terms.notionalPrincipal;
		int last = redemptions.segments() - 1;
		for (int i = 0; i < last; i++) {
			long[] times = redemptions.times(i, Moments.NONE, false);
			int first = 0;
			while (first < times.length && times[first] <= terms.statusDate) {
				first++;
			}
			int count = times.length - first;
			if (increases[i]) {
				outstanding += payments[i] * count;
				continue;
			}
			double needed = Math.ceil(outstanding / payments[i]);
			if (needed <= count) {
				return times[first + (int) needed - 1];
			}
			outstanding -= payments[i] * count;
		}
		long anchor = redemptions.anchor(last);
		Cycle cycle = redemptions.cycle(last);
		if (cycle == null) {
			return anchor;
		}
		double needed = Math.ceil(outstanding / payments[last]);
		if (increases[last] || !(needed > 0) || needed > 100_000) {
			throw new ContractRejectedException(CashFlowRejectReason.INCONSISTENT_TERMS,
					"the redemptions do not repay the notional within 100000 cycles: give maturityDate");
		}
		boolean toEndOfMonth = terms.endOfMonth.appliesTo(anchor, cycle);
		int first = 0;
		while (cycle.plus(anchor, first, toEndOfMonth) <= terms.statusDate) {
			first++;
		}
		return cycle.plus(anchor, first + (int) needed - 1, toEndOfMonth);
	}

	private static ArraySchedule redemptions(ContractTerms terms) {
		return new ArraySchedule(terms.dates(Term.ARRAY_CYCLE_ANCHOR_DATE_OF_PRINCIPAL_REDEMPTION),
				terms.cycles(Term.ARRAY_CYCLE_OF_PRINCIPAL_REDEMPTION), terms.endOfMonth);
	}

	private static boolean[] increases(ContractTerms terms) {
		String[] directions = terms.allowedValues(Term.ARRAY_INCREASE_DECREASE);
		boolean[] increases = new boolean[directions.length];
		for (int i = 0; i < directions.length; i++) {
			increases[i] = directions[i].equals("INC");
		}
		return increases;
	}

	// nextResetRate is the rate of the first reset after the status date, fixed already.
	private long presetReset() {
		if (Double.isNaN(this.terms.nextResetRate)) {
			return Moments.NONE;
		}
		long preset = Moments.NONE;
		long presetHappens = Long.MAX_VALUE;
		for (int i = 0; i < this.resets.segments(); i++) {
			for (long time : this.resets.times(i, this.maturity, false)) {
				long happens = this.terms.businessDay.shift(time, this.terms.calendar);
				if (happens > this.terms.statusDate && happens < presetHappens) {
					preset = time;
					presetHappens = happens;
				}
			}
		}
		return preset;
	}

	// The schedule -------------------------------------------------------------------------------

	// As LAM's, the maturity is shifted by the convention (the oracle README, point 2).
	@Override
	void addMaturity(EventQueue queue) {
		queue.add(this.maturity, EventType.MD);
	}

	// LAX's array schedules. The amortizer's own redemptions come from terms LAX has not, so it adds
	// only the interest calculation base fixings; the loan adds the interest payment at maturity
	// (its schedule without anchor and cycle) and turns the payments up to capitalizationEndDate
	// into capitalizations.
	@Override
	void addRedemptions(EventQueue queue) {
		super.addRedemptions(queue);
		// what a segment redeems is due before the next segment, or before the maturity, which
		// redeems the rest
		for (int i = 0; i < this.redemptions.segments(); i++) {
			queue.addAll(this.redemptions.times(i, this.maturity, false),
					this.increases[i] ? EventType.PI : EventType.PR);
		}
		for (int i = 0; i < this.interestPayments.segments(); i++) {
			queue.addAll(this.interestPayments.times(i, this.maturity, true), EventType.IP);
		}
		for (int i = 0; i < this.resets.segments(); i++) {
			for (long time : this.resets.times(i, this.maturity, false)) {
				queue.add(time, (this.fixed[i] || time == this.presetReset) ? EventType.RRF : EventType.RR);
			}
		}
	}

	// The state --------------------------------------------------------------------------------

	@Override
	void initialize() {
		super.initialize();
		// the loan's accrual starts at its own interest schedule, which LAX gives as an array
		if (running() && Double.isNaN(this.terms.accruedInterest)) {
			this.accrued = yearFraction(lastInterestPaymentBeforeStatus(), this.statusDate) * this.rate * base();
		}
	}

	// Interest accrues from the last payment before the status date; with none, from the status date.
	private long lastInterestPaymentBeforeStatus() {
		long last = this.terms.statusDate;
		for (int i = 0; i < this.interestPayments.segments(); i++) {
			for (long time : this.interestPayments.times(i, this.maturity, true)) {
				if (time < this.terms.statusDate) {
					last = time;
				}
			}
		}
		return last;
	}

	@Override
	double evaluate(EventType type, long scheduled, long time) {
		return switch (type) {
			case PR -> redeemPayment(scheduled, time);
			case PI -> increase(scheduled, time);
			case RR -> resetRate(scheduled, time);
			case RRF -> fixRate(scheduled, time);
			default -> super.evaluate(type, scheduled, time);
		};
	}

	// The next principal redemption payment is the segment's (ACTUS 7.3: Prnxt = ARPRNXT_i).
	private double redeemPayment(long scheduled, long time) {
		this.nextPayment = this.payments[this.redemptions.segmentOf(scheduled)];
		return redeem(time);
	}

	// ACTUS 7.3, PI: the notional grows by the segment's amount, which the holder pays out. Unlike
	// a redemption it has no bound.
	private double increase(long scheduled, long time) {
		accrue(time);
		this.nextPayment = this.payments[this.redemptions.segmentOf(scheduled)];
		double principal = this.role * this.nextPayment;
		this.notional += principal;
		updateInterestBase();
		return -this.notionalScaling * principal;
	}

	// ACTUS 7.3, RR: the segment's rate is a spread over the observed rate, the change and the
	// result bounded as in every reset (the oracle README, point 7).
	private double resetRate(long scheduled, long time) {
		accrue(time);
		this.rate = rateAfterReset(this.rate, scheduled, this.rates[this.resets.segmentOf(scheduled)]);
		return 0;
	}

	// ACTUS 7.3, RRF: the segment's rate is the new rate.
	private double fixRate(long scheduled, long time) {
		accrue(time);
		this.rate = (scheduled == this.presetReset) ? this.terms.nextResetRate
				: this.rates[this.resets.segmentOf(scheduled)];
		return 0;
	}
}
