package batch.domain.cashflow;

/**
 * One contract through its events: the schedule of its type and, on the contract's state, the
 * payoff and state transition functions of ACTUS section 7, over the shared conventions (day
 * counts, business days, end of month, cycles) and the market data. A subclass per contract type
 * (family) holds that type's logic and no other's; this class runs the events in order and holds
 * what the types share (monitoring, rate resets, termination). One instance per projection: not
 * shared.
 */
abstract class Contract {

	final ContractTerms terms;

	final MarketData market;

	/** The maturity as given or derived, or {@link Moments#NONE} for a contract without one. */
	final long maturity;

	// The state every type reports with its events, signed by the role (ACTUS 2.4).
	double notional;

	double rate;

	double accrued;

	// The currency of the event just evaluated, an index into currencies(): the contract's own
	// unless the event pays in another (the second leg of an FX outright).
	int eventCurrency;

	Contract(ContractTerms terms, MarketData market) {
		this.terms = terms;
		this.market = market;
		this.maturity = maturity();
	}

	/** The contract of a type, ready to project. */
	static Contract of(ContractTerms terms, MarketData market) {
		return switch (terms.type) {
			case PAM -> new Pam(terms, market);
			case LAM -> new Lam(terms, market);
			case NAM -> new Nam(terms, market);
			case ANN -> new Ann(terms, market);
			case STK -> new Stk(terms, market);
			case COM -> new Com(terms, market);
			case CSH -> new Csh(terms, market);
			case FXOUT -> new Fxout(terms, market);
			case SWPPV -> new Swppv(terms, market);
			case LAX -> new Lax(terms, market);
			case CLM -> new Clm(terms, market);
			case UMP -> new Ump(terms, market);
		};
	}

	/** The maturity as given or derived from the other terms; {@link Moments#NONE} if none. */
	abstract long maturity();

	/**
	 * The contract's events for a projection that ends at {@code end} ({@link Moments#NONE} for
	 * none), with the observed events its type takes: every type a monitoring event (AD) at each
	 * observed monitoring time up to maturity. A type without a maturity bounds its cycles by the
	 * end.
	 */
	abstract EventQueue schedule(ObservedEvents observed, long end);

	/**
	 * The last time an event may happen in a projection that ends at {@code end}: that end, unless
	 * the type's observed events fix a later one (a called CLM's settlement).
	 */
	long lastTime(long end) {
		return end;
	}

	/**
	 * The state at the status date, before the first event: by default none (no notional, rate or
	 * accrual), as for the positions and the FX outright.
	 */
	void initialize() {
		this.notional = 0;
		this.rate = 0;
		this.accrued = 0;
	}

	/** The payoff of an event, and the state after it. */
	abstract double evaluate(EventType type, long scheduled, long time);

	/** The currencies the contract's events pay in, its own first. */
	String[] currencies() {
		return new String[] { this.terms.currency };
	}

	CashFlowProjection project(Horizon horizon, ObservedEvents observed) {
		long end = horizon.end(this.maturity);
		if (end == Moments.NONE && !ends(observed)) {
			throw new ContractRejectedException(CashFlowRejectReason.MISSING_HORIZON, this.terms.type
					+ " without maturityDate or terminationDate has no end: give a horizon (--horizon)");
		}
		EventQueue queue = schedule(observed, end);
		long to = lastTime(end);
		int count = queue.sort();
		CashFlowProjection projection = new CashFlowProjection(this.terms, currencies(), count);
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
			this.eventCurrency = 0;
			double payoff = evaluate(type, queue.scheduled(i), queue.calculated(i));
			if (type == EventType.PRD) {
				purchased = projection.size();
			}
			projection.add(happens, type, payoff, this.notional, this.rate, this.accrued, this.eventCurrency);
		}
		// What happened before the purchase belongs to the seller.
		projection.dropBefore(purchased);
		return projection;
	}

	/**
	 * Whether the contract ends by its terms or its observed events, so that the whole contract
	 * can be projected without a horizon: by default, when it has a maturity or a termination.
	 */
	boolean ends(ObservedEvents observed) {
		return this.maturity != Moments.NONE || this.terms.terminationDate != Moments.NONE;
	}

	/** Whether the initial exchange is at or before the status date. */
	final boolean running() {
		return this.terms.initialExchangeDate <= this.terms.statusDate;
	}

	final double days() {
		return Math.max(0, Moments.daysBetween(this.terms.initialExchangeDate, scheduleEnd()));
	}

	/** The end of the cycles (interest, resets, scaling): the maturity. */
	long scheduleEnd() {
		return this.maturity;
	}

	/** The last time a monitoring event is kept: the maturity. */
	long monitoringEnd() {
		return this.maturity;
	}

	/** A monitoring event (AD) at each observed monitoring time up to its end, on its time exactly. */
	final void addMonitoring(EventQueue queue, long[] analysisTimes) {
		long end = monitoringEnd();
		for (long time : analysisTimes) {
			if (time <= end) {
				queue.addExact(time, EventType.AD);
			}
		}
	}

	/**
	 * The rate resets on their cycle before the end of the cycles; where the next reset rate is given, the
	 * first after the status date sets it (RRF).
	 * @return the reset times
	 */
	final long[] addRateResets(EventQueue queue) {
		ContractTerms terms = this.terms;
		long[] resets = (terms.rateResetAnchor == Moments.NONE) ? new long[0]
				: Schedule.of(terms.rateResetAnchor, terms.rateResetCycle, scheduleEnd(), terms.endOfMonth, false);
		queue.addAll(resets, EventType.RR);
		if (resets.length > 0 && !Double.isNaN(terms.nextResetRate)) {
			queue.retypeFirstAfter(EventType.RR, terms.statusDate, EventType.RRF);
		}
		return resets;
	}

	/**
	 * The termination, on its date (a holiday too): the events after it are removed (the oracle
	 * README, point 5).
	 */
	final void addTermination(EventQueue queue) {
		long termination = this.terms.terminationDate;
		if (termination != Moments.NONE) {
			queue.removeAfter(termination, EventType.TD);
			queue.addExact(termination, EventType.TD);
		}
	}

	// ACTUS STF_RR: the observed rate times the multiplier plus the spread, its change capped and
	// floored per period, the result capped and floored for life (the oracle README, point 7). The
	// fixing is the one at the reset's scheduled time (point 6).
	final double rateAfterReset(double rate, long scheduled) {
		return rateAfterReset(rate, scheduled, this.terms.rateSpread);
	}

	/** The reset with another spread than the contract's: a LAX segment's. */
	final double rateAfterReset(double rate, long scheduled, double spread) {
		ContractTerms terms = this.terms;
		double observed = this.market.valueAt(terms.rateResetMarketObject, scheduled);
		double change = observed * terms.rateMultiplier + spread - rate;
		change = Math.min(Math.max(change, terms.periodFloor), terms.periodCap);
		return Math.min(Math.max(rate + change, terms.lifeFloor), terms.lifeCap);
	}

	/** The last interest payment before the status date, or {@code otherwise} if there is none. */
	final long lastInterestPaymentBeforeStatus(long otherwise) {
		ContractTerms terms = this.terms;
		long last = otherwise;
		if (terms.interestPaymentAnchor != Moments.NONE) {
			for (long time : Schedule.of(terms.interestPaymentAnchor, terms.interestPaymentCycle, this.maturity,
					terms.endOfMonth, true)) {
				if (time < terms.statusDate) {
					last = time;
				}
			}
		}
		return last;
	}

	/** An event queue on the contract's business-day convention and calendar. */
	final EventQueue newQueue(int capacity) {
		return new EventQueue(this.terms.businessDay, this.terms.calendar, capacity);
	}

	final long calculationTime(long scheduled) {
		return this.terms.businessDay.calculationTime(scheduled, this.terms.calendar);
	}

	final double yearFraction(long from, long to) {
		return this.terms.dayCount.yearFraction(from, to, this.terms.maturityDate);
	}

	static int perCycle(double days, Cycle cycle) {
		if (cycle == null) {
			return 2;
		}
		double cycleDays = cycle.inMonths() ? cycle.months() * 28.0 : cycle.days();
		return (int) Math.min(days / cycleDays + 2, 1 << 19);
	}

}
