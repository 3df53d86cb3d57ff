package batch.domain.cashflow;

/**
 * SWPPV, the plain vanilla interest rate swap (ACTUS 7.12): a fixed leg at the nominal interest
 * rate against a floating leg that starts at the second rate and resets on the market, both on one
 * notional that is never exchanged. The first leg is the fixed one: RF and RFL receive it, PF and
 * PFL pay it. Delivered (D, the default), each payment date pays the two legs apart (IPFX, IPFL);
 * settled (S), it pays their difference (IP).
 */
final class Swppv extends Contract {

	private final double role;

	private final double fixedRate;

	private final boolean net;

	// The state beyond what every type reports (the notional, the floating leg's rate and the fixed
	// leg's accrual, as the published cases report them): the floating leg's accrual and the
	// (calculation) time of the last event.
	private double floatingAccrued;

	private long statusDate;

	Swppv(ContractTerms terms, MarketData market) {
		super(terms, market);
		this.role = terms.roleSign;
		this.fixedRate = terms.nominalInterestRate;
		this.net = "S".equals(terms.allowed(Term.DELIVERY_SETTLEMENT));
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
		// the exchange, the purchase and the maturity on their dates, as PAM's
		queue.addExact(terms.initialExchangeDate, EventType.IED);
		queue.addExact(this.maturity, EventType.MD);
		if (terms.purchaseDate != Moments.NONE) {
			queue.addExact(terms.purchaseDate, EventType.PRD);
		}
		// both legs pay on the interest cycle, S(IPANX, IPCL, MD) with the maturity
		long[] payments = Schedule.of(terms.interestPaymentAnchor, terms.interestPaymentCycle, this.maturity,
				terms.endOfMonth, true);
		if (this.net) {
			queue.addAll(payments, EventType.IP);
		}
		else {
			queue.addAll(payments, EventType.IPFX);
			queue.addAll(payments, EventType.IPFL);
		}
		addRateResets(queue);
		addTermination(queue);
		return queue;
	}

	private int expectedEvents() {
		return 8 + (this.net ? 1 : 2) * perCycle(days(), this.terms.interestPaymentCycle)
				+ perCycle(days(), this.terms.rateResetCycle);
	}

	// The state -----------------------------------------------------------------------------

	// Before the initial exchange nothing accrues; after it, each leg has accrued since the last
	// payment before the status date (ACTUS's t⁻) or, before the first payment, since the exchange.
	@Override
	void initialize() {
		ContractTerms terms = this.terms;
		this.statusDate = terms.statusDate;
		boolean running = running();
		this.notional = running ? this.role * terms.notionalPrincipal : 0;
		this.rate = running ? initialFloatingRate() : 0;
		long since = running ? lastInterestPaymentBeforeStatus(terms.initialExchangeDate) : this.statusDate;
		double accruing = yearFraction(since, this.statusDate) * this.notional;
		this.accrued = accruing * this.fixedRate;
		this.floatingAccrued = accruing * this.rate;
	}

	@Override
	double evaluate(EventType type, long scheduled, long time) {
		return switch (type) {
			case IED -> exchange(time);
			case IPFX -> payFixedLeg(time);
			case IPFL -> payFloatingLeg(time);
			case IP -> settle(time);
			case RR -> resetRate(scheduled, time);
			case RRF -> fixRate(time);
			case PRD -> purchase(time);
			case TD -> terminate(time);
			case MD -> mature(time);
			case AD -> monitor(time);
			default -> throw new IllegalStateException("no evaluation for " + type + " in a swap");
		};
	}

	// No principal changes hands: the notional only sets what the legs accrue on.
	private double exchange(long time) {
		this.notional = this.role * this.terms.notionalPrincipal;
		this.rate = initialFloatingRate();
		this.accrued = 0;
		this.floatingAccrued = 0;
		this.statusDate = time;
		return 0;
	}

	// The legs carry the role's sign in the notional (R·NT), so the fixed leg is paid by PF and
	// received by RF, the floating leg the other way. The techspec's payoffs multiply by R(CNTRL)
	// once more, which would make every fixed payment an inflow; the published cases do not.
	private double payFixedLeg(long time) {
		accrue(time);
		double payoff = this.accrued;
		this.accrued = 0;
		return payoff;
	}

	private double payFloatingLeg(long time) {
		accrue(time);
		double payoff = -this.floatingAccrued;
		this.floatingAccrued = 0;
		return payoff;
	}

	private double settle(long time) {
		accrue(time);
		double payoff = this.accrued - this.floatingAccrued;
		this.accrued = 0;
		this.floatingAccrued = 0;
		return payoff;
	}

	private double resetRate(long scheduled, long time) {
		accrue(time);
		this.rate = rateAfterReset(this.rate, scheduled);
		return 0;
	}

	private double fixRate(long time) {
		accrue(time);
		this.rate = this.terms.nextResetRate;
		return 0;
	}

	// The price alone, as STK's (POF_PRD_STK): it is a clean price, and the accrual goes on to
	// the next payment, which pays the whole period to the buyer.
	private double purchase(long time) {
		accrue(time);
		return -this.role * this.terms.priceAtPurchaseDate;
	}

	// The price alone, and not signed by the role, as the published cases pay it (a payer's
	// termination at 400 pays 400); the techspec's POF_TD_STK signs it. What the legs accrued
	// since the last payment is not paid.
	private double terminate(long time) {
		end(time);
		return this.terms.priceAtTerminationDate;
	}

	// Nothing is exchanged at maturity; the legs' interest is the payments' on the same date. One
	// that a shift moves past the maturity still pays what accrued up to it.
	private double mature(long time) {
		accrue(time);
		this.notional = 0;
		return 0;
	}

	private double monitor(long time) {
		accrue(time);
		return 0;
	}

	// Nothing outstanding, nothing accrued; the floating rate stays as it was, as the cases report.
	private void end(long time) {
		this.notional = 0;
		this.accrued = 0;
		this.floatingAccrued = 0;
		this.statusDate = time;
	}

	private void accrue(long time) {
		double period = yearFraction(this.statusDate, time) * this.notional;
		this.accrued += period * this.fixedRate;
		this.floatingAccrued += period * this.rate;
		this.statusDate = time;
	}

	// required of SWPPV (ContractTermsParser)
	private double initialFloatingRate() {
		return this.terms.real(Term.NOMINAL_INTEREST_RATE2, Double.NaN);
	}

}
