package batch.domain.cashflow;

/**
 * ANN, the annuity (ACTUS 7.4): a level payment, interest first, sized to repay the notional by
 * the amortization date or maturity, fixed (PRF) before the first redemption and again after
 * every rate reset. Its maturity is not shifted (the oracle README, point 2).
 */
final class Ann extends Amortizer {

	private final long annuityEnd;

	private long[] redemptions;

	// (1 + r * Y(t_i, t_i+1)) needs only the year fractions between redemptions: computed once.
	private double[] redemptionPeriods;

	Ann(ContractTerms terms, MarketData market) {
		super(terms, market, true);
		this.annuityEnd = (terms.amortizationDate != Moments.NONE) ? terms.amortizationDate : this.maturity;
	}

	@Override
	long maturity() {
		ContractTerms terms = this.terms;
		if (terms.maturityDate != Moments.NONE) {
			return terms.maturityDate;
		}
		return (terms.amortizationDate != Moments.NONE) ? terms.amortizationDate : Maturity.level(terms);
	}

	@Override
	void addFixings(EventQueue queue, long[] resets) {
		ContractTerms terms = this.terms;
		if (Double.isNaN(terms.nextPrincipalRedemptionPayment)) {
			// the payment is fixed the day before the first redemption; before the initial
			// exchange it is fixed by the exchange itself
			long fixing = Moments.plusDays(terms.principalRedemptionAnchor, -1);
			if (fixing >= terms.initialExchangeDate) {
				queue.add(fixing, EventType.PRF);
			}
		}
		// the payment is fixed again after every reset, on the day the reset happens: that day is
		// the fixing's scheduled time (the oracle README, point 8)
		for (long reset : resets) {
			queue.add(queue.shifted(reset), EventType.PRF);
		}
	}

	@Override
	void initialize() {
		super.initialize();
		this.nextPayment = !Double.isNaN(this.terms.nextPrincipalRedemptionPayment)
				? this.role * this.terms.nextPrincipalRedemptionPayment
				: running() ? annuity(this.statusDate, false) : 0;
	}

	@Override
	double exchange(long scheduled, long time) {
		double payoff = super.exchange(scheduled, time);
		if (Double.isNaN(this.terms.nextPrincipalRedemptionPayment) && !fixedBeforeFirstRedemption()) {
			// no fixing comes before the first redemption (the ann09 family): the exchange fixes
			// the payment; a redemption at the exchange itself comes after it, so it counts
			this.nextPayment = annuity(time, true);
		}
		return payoff;
	}

	// Whether the initial fixing (the day before the first redemption, when that is not before the
	// exchange) happens before the first redemption: then it fixes the payment, and an annuity
	// computed at the exchange would never be used.
	private boolean fixedBeforeFirstRedemption() {
		ContractTerms terms = this.terms;
		long fixing = Moments.plusDays(terms.principalRedemptionAnchor, -1);
		BusinessDayConvention convention = terms.businessDay;
		return fixing >= terms.initialExchangeDate && convention.shift(fixing, terms.calendar)
				< convention.shift(terms.principalRedemptionAnchor, terms.calendar);
	}

	@Override
	double fixPayment(long time) {
		accrue(time);
		this.nextPayment = annuity(time, false);
		return 0;
	}

	// ACTUS 3.8: the level payment that repays notional and interest over the redemptions left
	// after {@code time} (or at it too), the interest to the first of them included.
	private double annuity(long time, boolean fromSameTime) {
		if (this.redemptions == null) {
			ContractTerms terms = this.terms;
			long[] schedule = Schedule.of(terms.principalRedemptionAnchor, terms.principalRedemptionCycle,
					this.annuityEnd, terms.endOfMonth, true);
			double[] periods = new double[Math.max(schedule.length - 1, 0)];
			// the scheduled dates, not shifted (the oracle README, point 8)
			for (int i = 1; i < schedule.length; i++) {
				periods[i - 1] = yearFraction(schedule[i - 1], schedule[i]);
			}
			this.redemptions = schedule;
			this.redemptionPeriods = periods;
		}
		int first = 0;
		while (first < this.redemptions.length
				&& (this.redemptions[first] < time || (this.redemptions[first] == time && !fromSameTime))) {
			first++;
		}
		int remaining = this.redemptions.length - first;
		if (remaining == 0) {
			return 0;
		}
		double amount = this.notional + this.accrued
				+ yearFraction(time, this.redemptions[first]) * this.rate * base();
		double product = 1;
		double sum = 0;
		for (int i = this.redemptions.length - 2; i >= first; i--) {
			product *= 1 + this.rate * this.redemptionPeriods[i];
			sum += product;
		}
		return amount * product / (1 + sum);
	}
}
