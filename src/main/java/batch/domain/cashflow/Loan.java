package batch.domain.cashflow;

/**
 * What the lending types have in common (ACTUS 7.1, the principal at maturity, and what LAM, NAM
 * and ANN take from it): the initial exchange, interest payments and capitalization, rate resets,
 * scaling, purchase, termination and maturity. The amortizing types add their redemptions
 * ({@link Amortizer}); call money and savings accounts ({@link Clm}, {@link Ump}), which have no
 * fixed maturity, end their schedules elsewhere.
 */
abstract class Loan extends Contract {

	final double role;

	// The rest of the state: scaling multipliers and the (calculation) time of the last event.
	double notionalScaling;

	double interestScaling;

	long statusDate;

	// The interest accrued up to a maturity that a payment shifted past it has not paid yet.
	double interestDue;

	// What interest accrues on: the notional outstanding, unless the type keeps a base of its own
	// (the amortizers' interest calculation base, nothing for a called CLM). A field and a flag, not
	// an overridden method: the accrual runs at every event, and a call the JIT cannot inline there
	// costs the mixed book a tenth of its speed (bench/engine-compare).
	boolean ownBase;

	double interestBase;

	Loan(ContractTerms terms, MarketData market) {
		super(terms, market);
		this.role = terms.roleSign;
	}

	@Override
	long maturity() {
		return this.terms.maturityDate;
	}

	// The schedule --------------------------------------------------------------------------

	@Override
	EventQueue schedule(ObservedEvents observed, long end) {
		ContractTerms terms = this.terms;
		long[] analysisTimes = observed.timesOf(EventType.AD);
		EventQueue queue = newQueue(expectedEvents() + analysisTimes.length);
		addMonitoring(queue, analysisTimes);
		// The initial exchange happens on its date, a holiday too (the oracle README, point 1).
		queue.addExact(terms.initialExchangeDate, EventType.IED);
		addMaturity(queue);
		if (terms.purchaseDate != Moments.NONE) {
			queue.addExact(terms.purchaseDate, EventType.PRD);
		}
		addRedemptions(queue);
		addInterestPayments(queue);
		addFixings(queue, addRateResets(queue));
		if (terms.interestScaled || terms.notionalScaled) {
			queue.addAll(Schedule.of(terms.scalingAnchor, terms.scalingCycle, scheduleEnd(), terms.endOfMonth, false),
					EventType.SC);
		}
		addTermination(queue);
		return queue;
	}

	/** The maturity event: on its date, not shifted, for PAM and ANN (the oracle README, point 2). */
	void addMaturity(EventQueue queue) {
		queue.addExact(this.maturity, EventType.MD);
	}

	/** The principal redemptions, and what goes with them; none for PAM. */
	void addRedemptions(EventQueue queue) {
	}

	/** The fixings that go with the resets: none but the annuity's. */
	void addFixings(EventQueue queue, long[] resets) {
	}

	// Enough room for the interest and reset schedules at their cycles, so the queue rarely grows.
	int expectedEvents() {
		return 8 + perCycle(days(), this.terms.interestPaymentCycle) + perCycle(days(), this.terms.principalRedemptionCycle)
				+ 2 * perCycle(days(), this.terms.rateResetCycle);
	}

	// Every type pays interest on its own cycle, S(IPANX, IPCL, MD) with the maturity: ANN and NAM
	// add no payment at their redemptions (the oracle README, point 9). Without a cycle, the
	// anchor (if any) and the maturity, as the data dictionary says of IPCL: MD pays no interest.
	void addInterestPayments(EventQueue queue) {
		ContractTerms terms = this.terms;
		queue.addAll(Schedule.of(terms.interestPaymentAnchor, terms.interestPaymentCycle, scheduleEnd(),
				terms.endOfMonth, true), EventType.IP);
		if (terms.capitalizationEndDate != Moments.NONE) {
			long end = queue.shifted(terms.capitalizationEndDate);
			queue.retype(EventType.IP, end, EventType.IPCI);
			queue.remove(end, EventType.IPCI);
			queue.add(terms.capitalizationEndDate, EventType.IPCI);
		}
	}

	// The state -----------------------------------------------------------------------------

	@Override
	void initialize() {
		ContractTerms terms = this.terms;
		this.statusDate = terms.statusDate;
		this.notionalScaling = terms.notionalScalingMultiplier;
		this.interestScaling = terms.interestScalingMultiplier;
		boolean running = running();
		this.notional = running ? this.role * terms.notionalPrincipal : 0;
		this.rate = running ? initialRate() : 0;
		initializeInterestBase(running);
		this.accrued = 0;
		// interest accrues from the last payment before the status date; with none, from the status date
		if (running) {
			this.accrued = !Double.isNaN(terms.accruedInterest) ? this.role * terms.accruedInterest
					: yearFraction(lastInterestPaymentBeforeStatus(terms.statusDate), this.statusDate) * this.rate
							* base();
		}
	}

	/** The rate from the initial exchange on: the nominal interest rate. */
	double initialRate() {
		return this.terms.nominalInterestRate;
	}

	void initializeInterestBase(boolean running) {
	}

	// One small method per event: the switch stays small enough for the JIT to compile well, and
	// each event's payoff and state transition read on their own.
	@Override
	double evaluate(EventType type, long scheduled, long time) {
		return switch (type) {
			case IED -> exchange(scheduled, time);
			case IP -> payInterest(time);
			case IPCI -> capitalize(time);
			case MD -> mature(time);
			case RR -> resetRate(scheduled, time);
			case RRF -> fixRate(time);
			case PRF -> fixPayment(time);
			case SC -> scale(scheduled, time);
			case AD -> monitor(time);
			case PRD -> purchase(time);
			case TD -> terminate(time);
			default -> throw new IllegalStateException("no evaluation for " + type);
		};
	}

	double exchange(long scheduled, long time) {
		ContractTerms terms = this.terms;
		this.notional = this.role * terms.notionalPrincipal;
		this.rate = initialRate();
		initializeInterestBase(true);
		// interest from an anchor before the exchange, as dated (not shifted), calculated between
		// the calculation times of both
		long anchor = terms.interestPaymentAnchor;
		this.accrued = !Double.isNaN(terms.accruedInterest) ? this.role * terms.accruedInterest
				: (anchor != Moments.NONE && anchor < scheduled)
						? yearFraction(calculationTime(anchor), time) * this.notional * this.rate : 0;
		this.statusDate = time;
		return -this.role * (terms.notionalPrincipal + terms.premiumDiscountAtIed);
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
	void end(long time) {
		this.notional = 0;
		this.accrued = 0;
		this.statusDate = time;
	}

	private double fixRate(long time) {
		accrue(time);
		this.rate = this.terms.nextResetRate;
		return 0;
	}

	/** An annuity's payment fixing: only ANN schedules one. */
	double fixPayment(long time) {
		throw new IllegalStateException("no payment fixing in " + this.terms.type);
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

	private double resetRate(long scheduled, long time) {
		accrue(time);
		this.rate = rateAfterReset(this.rate, scheduled);
		return 0;
	}

	final void accrue(long time) {
		this.accrued += accrual(time);
		this.statusDate = time;
	}

	final double accrual(long time) {
		return yearFraction(this.statusDate, time) * this.rate * base();
	}

	final double base() {
		return this.ownBase ? this.interestBase : this.notional;
	}

	/** After the notional changed: the amortizing types may follow it with their interest base. */
	void updateInterestBase() {
	}

}
