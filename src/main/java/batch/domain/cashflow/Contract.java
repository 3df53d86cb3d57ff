package batch.domain.cashflow;

/**
 * One contract through its events: the schedule of its type and, on the contract's state, the
 * payoff and state transition functions of ACTUS section 7, over the shared conventions (day
 * counts, business days, end of month, cycles) and the market data. A subclass per contract type
 * (family) holds that type's logic and no other's; this class only runs the events in order. One
 * instance per projection: not shared.
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
			case CLM -> new Clm(terms, market);
			case UMP -> new Ump(terms, market);
			// not yet: ContractTermsParser rejects them (UNKNOWN_CONTRACT_TYPE)
			default -> throw new IllegalStateException(terms.type + " is not projected");
		};
	}

	/** The maturity as given or derived from the other terms; {@link Moments#NONE} if none. */
	abstract long maturity();

	/**
	 * The contract's events, with the observed events its type takes: every type a monitoring
	 * event (AD) at each observed monitoring time up to maturity.
	 */
	abstract EventQueue schedule(ObservedEvents observed);

	/**
	 * The contract's events for a projection that ends at {@code end} ({@link Moments#NONE} for
	 * none): the schedule, which a type without a maturity (CLM, UMP) bounds by that end.
	 */
	EventQueue schedule(ObservedEvents observed, long end) {
		return schedule(observed);
	}

	/**
	 * The last time an event may happen in a projection that ends at {@code end}: that end, unless
	 * the type's observed events fix a later one (a called CLM's settlement).
	 */
	long lastTime(long end) {
		return end;
	}

	/** The state at the status date, before the first event. */
	abstract void initialize();

	/** The payoff of an event, and the state after it. */
	abstract double evaluate(EventType type, long scheduled, long time);

	CashFlowProjection project(Horizon horizon, ObservedEvents observed) {
		long end = horizon.end(this.maturity);
		EventQueue queue = schedule(observed, end);
		long to = lastTime(end);
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
