package batch.domain.cashflow;

/**
 * Evaluates a contract's events in order on its state (the payoff and state transition functions
 * of ACTUS section 7), for PAM, LAM, NAM and ANN. One instance per projection: not shared.
 */
final class Projector {

	private final ContractTerms terms;

	private final MarketData market;

	private final long maturity;

	private final long annuityEnd;

	private final boolean amortizing;

	private final boolean linear;

	private final double role;

	// The contract's state, signed by the role (ACTUS 2.4): notional, nominal rate, accrued
	// interest, interest calculation base, next principal redemption payment, scaling multipliers
	// and the (calculation) time of the last event.
	private double notional;

	private double rate;

	private double accrued;

	private double interestBase;

	private double nextPayment;

	private double notionalScaling;

	private double interestScaling;

	private long statusDate;

	// The interest accrued up to a maturity that a payment shifted past it has not paid yet.
	private double interestDue;

	private long[] redemptions;

	// (1 + r * Y(t_i, t_i+1)) needs only the year fractions between redemptions: computed once.
	private double[] redemptionPeriods;

	Projector(ContractTerms terms, MarketData market) {
		this.terms = terms;
		this.market = market;
		this.maturity = Maturity.of(terms);
		this.annuityEnd = (terms.amortizationDate != Moments.NONE) ? terms.amortizationDate : this.maturity;
		this.amortizing = terms.type.amortizes();
		this.linear = terms.type == ContractType.LAM;
		this.role = terms.roleSign;
	}

	CashFlowProjection project(Horizon horizon, long[] analysisTimes) {
		long to = horizon.end(this.maturity);
		EventQueue queue = ContractSchedule.of(this.terms, this.maturity, analysisTimes);
		int count = queue.sort();
		CashFlowProjection projection = new CashFlowProjection(this.terms, count);
		initialize();
		int purchased = 0;
		for (int i = 0; i < count; i++) {
			long happens = queue.happens(i);
			if (happens <= this.terms.statusDate) {
				continue;
			}
			if (to != Moments.NONE && happens > to) {
				break;
			}
			EventType type = queue.type(i);
			double payoff = evaluate(type, queue.scheduled(i), queue.calculated(i));
			if (type == EventType.PRD) {
				purchased = projection.size();
			}
			projection.add(happens, type, payoff, this.notional, this.rate, this.accrued);
		}
		// What happened before the purchase belongs to the seller.
		projection.dropBefore(purchased);
		return projection;
	}

	private void initialize() {
		this.statusDate = this.terms.statusDate;
		this.notionalScaling = this.terms.notionalScalingMultiplier;
		this.interestScaling = this.terms.interestScalingMultiplier;
		boolean running = this.terms.initialExchangeDate <= this.terms.statusDate;
		this.notional = running ? this.role * this.terms.notionalPrincipal : 0;
		this.rate = running ? this.terms.nominalInterestRate : 0;
		this.interestBase = running ? initialInterestBase() : 0;
		this.accrued = 0;
		if (running) {
			this.accrued = !Double.isNaN(this.terms.accruedInterest) ? this.role * this.terms.accruedInterest
					: yearFraction(lastInterestPaymentBeforeStatus(), this.statusDate) * this.rate * base();
		}
		if (this.linear) {
			this.nextPayment = !Double.isNaN(this.terms.nextPrincipalRedemptionPayment)
					? this.terms.nextPrincipalRedemptionPayment : linearPayment();
		}
		else if (this.amortizing) {
			this.nextPayment = !Double.isNaN(this.terms.nextPrincipalRedemptionPayment)
					? this.role * this.terms.nextPrincipalRedemptionPayment
					: (running && this.terms.type == ContractType.ANN) ? annuity(this.statusDate, false) : 0;
		}
	}

	// One small method per event: the switch stays small enough for the JIT to compile well, and
	// each event's payoff and state transition read on their own.
	private double evaluate(EventType type, long scheduled, long time) {
		return switch (type) {
			case IED -> exchange(scheduled, time);
			case IP -> payInterest(time);
			case IPCI -> capitalize(time);
			case PR -> redeem(time);
			case MD -> mature(time);
			case RR -> resetRate(scheduled, time);
			case RRF -> fixRate(time);
			case PRF -> fixPayment(time);
			case SC -> scale(scheduled, time);
			case AD -> monitor(time);
			case IPCB -> fixInterestBase(time);
			case PRD -> purchase(time);
			case TD -> terminate(time);
			default -> throw new IllegalStateException("no evaluation for " + type);
		};
	}

	private double exchange(long scheduled, long time) {
		this.notional = this.role * this.terms.notionalPrincipal;
		this.rate = this.terms.nominalInterestRate;
		this.interestBase = initialInterestBase();
		// interest from an anchor before the exchange, as dated (not shifted), calculated between
		// the calculation times of both
		long anchor = this.terms.interestPaymentAnchor;
		this.accrued = !Double.isNaN(this.terms.accruedInterest) ? this.role * this.terms.accruedInterest
				: (anchor != Moments.NONE && anchor < scheduled)
						? yearFraction(calculationTime(anchor), time) * this.notional * this.rate : 0;
		this.statusDate = time;
		if (this.terms.type == ContractType.ANN && Double.isNaN(this.terms.nextPrincipalRedemptionPayment)
				&& !fixedBeforeFirstRedemption()) {
			// no fixing comes before the first redemption (the ann09 family): the exchange fixes
			// the payment; a redemption at the exchange itself comes after it, so it counts
			this.nextPayment = annuity(time, true);
		}
		return -this.role * (this.terms.notionalPrincipal + this.terms.premiumDiscountAtIed);
	}

	// Whether the initial fixing (ContractSchedule: the day before the first redemption, when that
	// is not before the exchange) happens before the first redemption: then it fixes the payment,
	// and an annuity computed at the exchange would never be used.
	private boolean fixedBeforeFirstRedemption() {
		long fixing = Moments.plusDays(this.terms.principalRedemptionAnchor, -1);
		BusinessDayConvention convention = this.terms.businessDay;
		return fixing >= this.terms.initialExchangeDate && convention.shift(fixing, this.terms.calendar)
				< convention.shift(this.terms.principalRedemptionAnchor, this.terms.calendar);
	}

	private double payInterest(long time) {
		double payoff = this.interestScaling * (this.accrued + accrual(time) + this.interestDue);
		this.interestDue = 0;
		this.accrued = 0;
		this.statusDate = time;
		return payoff;
	}

	private double capitalize(long time) {
		this.notional += this.accrued + accrual(time);
		this.accrued = 0;
		updateInterestBase();
		this.statusDate = time;
		return 0;
	}

	// The notional only: the interest is the payment's on the same date (the oracle README, point
	// 4). When a shift moves that payment after the maturity, the interest is still owed, and the
	// payment pays it: what was accrued up to its calculation time.
	private double mature(long time) {
		double payoff = this.notionalScaling * this.notional;
		this.interestDue = this.accrued + accrual(time);
		end(time);
		return payoff;
	}

	// Nothing outstanding, nothing accrued: the state after a maturity or a termination.
	private void end(long time) {
		this.notional = 0;
		this.accrued = 0;
		this.interestBase = 0;
		this.statusDate = time;
	}

	private double fixRate(long time) {
		accrue(time);
		this.rate = this.terms.nextResetRate;
		return 0;
	}

	private double fixPayment(long time) {
		accrue(time);
		this.nextPayment = annuity(time, false);
		return 0;
	}

	private double scale(long scheduled, long time) {
		accrue(time);
		double index = this.market.valueAt(this.terms.scalingMarketObject, scheduled)
				/ this.terms.scalingIndexAtContractDealDate;
		if (this.terms.notionalScaled) {
			this.notionalScaling = index;
		}
		if (this.terms.interestScaled) {
			this.interestScaling = index;
		}
		return 0;
	}

	private double monitor(long time) {
		accrue(time);
		return 0;
	}

	private double fixInterestBase(long time) {
		accrue(time);
		this.interestBase = this.notional;
		return 0;
	}

	private double purchase(long time) {
		double payoff = -this.role * (this.terms.priceAtPurchaseDate + this.accrued + accrual(time));
		accrue(time);
		return payoff;
	}

	private double terminate(long time) {
		double payoff = this.role * (this.terms.priceAtTerminationDate + this.accrued + accrual(time));
		end(time);
		return payoff;
	}

	// LAM redeems a fixed amount; NAM and ANN a fixed payment of which interest comes first. Never
	// more than the notional left.
	private double redeem(long time) {
		accrue(time);
		double principal = this.linear ? this.role * this.nextPayment : this.nextPayment - this.accrued;
		double excess = Math.abs(principal) - Math.abs(this.notional);
		if (excess > 0) {
			principal -= Math.signum(principal) * excess;
		}
		this.notional -= principal;
		updateInterestBase();
		return this.notionalScaling * principal;
	}

	// ACTUS STF_RR: the observed rate times the multiplier plus the spread, its change capped and
	// floored per period, the result capped and floored for life (the oracle README, point 7).
	private double resetRate(long scheduled, long time) {
		accrue(time);
		double observed = this.market.valueAt(this.terms.rateResetMarketObject, scheduled);
		double change = observed * this.terms.rateMultiplier + this.terms.rateSpread - this.rate;
		change = Math.min(Math.max(change, this.terms.periodFloor), this.terms.periodCap);
		this.rate = Math.min(Math.max(this.rate + change, this.terms.lifeFloor), this.terms.lifeCap);
		return 0;
	}

	private void accrue(long time) {
		this.accrued += accrual(time);
		this.statusDate = time;
	}

	private double accrual(long time) {
		return yearFraction(this.statusDate, time) * this.rate * base();
	}

	private double base() {
		return this.amortizing ? this.interestBase : this.notional;
	}

	private double initialInterestBase() {
		if (this.terms.interestCalculationBase == ContractTerms.InterestCalculationBase.NTL) {
			return this.role * this.terms.interestCalculationBaseAmount;
		}
		return this.role * this.terms.notionalPrincipal;
	}

	private void updateInterestBase() {
		if (this.terms.interestCalculationBase == ContractTerms.InterestCalculationBase.NT) {
			this.interestBase = this.notional;
		}
	}

	private long calculationTime(long scheduled) {
		return this.terms.businessDay.calculationTime(scheduled, this.terms.calendar);
	}

	private double yearFraction(long from, long to) {
		return this.terms.dayCount.yearFraction(from, to, this.terms.maturityDate);
	}

	// Interest accrues from the last payment before the status date; with none, from the status date.
	private long lastInterestPaymentBeforeStatus() {
		long last = this.terms.statusDate;
		if (this.terms.interestPaymentAnchor != Moments.NONE) {
			for (long time : Schedule.of(this.terms.interestPaymentAnchor, this.terms.interestPaymentCycle,
					this.maturity, this.terms.endOfMonth, true)) {
				if (time < this.terms.statusDate) {
					last = time;
				}
			}
		}
		return last;
	}

	// LAM without a given payment: the notional in equal parts over the redemptions left and
	// maturity.
	private double linearPayment() {
		int payments = 1;
		for (long time : Schedule.of(this.terms.principalRedemptionAnchor, this.terms.principalRedemptionCycle,
				this.maturity, this.terms.endOfMonth, false)) {
			if (time > this.terms.statusDate) {
				payments++;
			}
		}
		return this.terms.notionalPrincipal / payments;
	}

	// ACTUS 3.8: the level payment that repays notional and interest over the redemptions left
	// after {@code time} (or at it too), the interest to the first of them included.
	private double annuity(long time, boolean fromSameTime) {
		if (this.redemptions == null) {
			long[] schedule = Schedule.of(this.terms.principalRedemptionAnchor, this.terms.principalRedemptionCycle,
					this.annuityEnd, this.terms.endOfMonth, true);
			double[] periods = new double[Math.max(schedule.length - 1, 0)];
			// the scheduled dates, not shifted (the oracle README, point 8)
			for (int i = 0; i < schedule.length; i++) {
				if (i > 0) {
					periods[i - 1] = yearFraction(schedule[i - 1], schedule[i]);
				}
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
