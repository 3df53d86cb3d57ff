package batch.domain.cashflow;

import java.time.Period;
import java.time.format.DateTimeParseException;

/**
 * CLM, call money (ACTUS 7.6): a loan without a maturity until it is called. Interest is
 * capitalized on its cycle and paid at the maturity; a call notice (an observed XD) sets the
 * maturity at the end of its notice period ({@code xDayNotice}), where the contract settles
 * (STD). A contract neither matured nor called runs to the projection's horizon.
 */
final class Clm extends Loan {

	// The first call notice and the end of its notice period, or NONE.
	private long call = Moments.NONE;

	private long settlement = Moments.NONE;

	// The projection's end: it bounds the cycles of a contract neither matured nor called.
	private long horizon = Moments.NONE;

	// From the call on, the contract earns no interest.
	private boolean called;

	Clm(ContractTerms terms, MarketData market) {
		super(terms, market);
	}

	// The techspec's Md: the maturity date if given (the contract was called already, and a call
	// notice changes nothing), else the end of the notice of the first call, else none.
	@Override
	EventQueue schedule(ObservedEvents observed, long end) {
		if (this.maturity == Moments.NONE) {
			for (long time : observed.timesOf(EventType.XD)) {
				if (this.call == Moments.NONE || time < this.call) {
					this.call = time;
				}
			}
		}
		if (this.call != Moments.NONE) {
			if (this.call < this.terms.initialExchangeDate) {
				throw new ContractRejectedException(CashFlowRejectReason.INCONSISTENT_TERMS,
						"a call notice (XD) must not come before initialExchangeDate");
			}
			this.settlement = afterNotice(this.call);
		}
		this.horizon = end;
		return super.schedule(observed, end);
	}

	// A call notice ends it too.
	@Override
	boolean ends(ObservedEvents observed) {
		return super.ends(observed) || observed.timesOf(EventType.XD).length > 0;
	}

	private long afterNotice(long time) {
		Period notice;
		try {
			notice = Period.parse(this.terms.text(Term.X_DAY_NOTICE));
		}
		catch (DateTimeParseException ex) {
			throw new ContractRejectedException(CashFlowRejectReason.UNKNOWN_CONVENTION,
					"xDayNotice is not a period of years, months, weeks and days, e.g. P1M or P31D");
		}
		return Moments.plusDays(Moments.plusMonths(time, notice.toTotalMonths(), false), notice.getDays());
	}

	// Nothing is scheduled after the call but its settlement: no capitalization or reset during
	// the notice (clm07, clm08).
	@Override
	long scheduleEnd() {
		if (this.maturity != Moments.NONE) {
			return this.maturity;
		}
		return (this.call != Moments.NONE) ? this.call : this.horizon;
	}

	@Override
	long monitoringEnd() {
		if (this.maturity != Moments.NONE) {
			return this.maturity;
		}
		return (this.call != Moments.NONE) ? this.settlement : this.horizon;
	}

	// A call made within the projection settles in it, past its end too, as in the reference (clm07).
	@Override
	long lastTime(long end) {
		return (this.call != Moments.NONE && end != Moments.NONE && this.call <= end) ? Math.max(end, this.settlement)
				: end;
	}

	// Interest is paid once, at the maturity or the settlement, both on their dates, not shifted
	// (clm10); the call on its observed time.
	@Override
	void addMaturity(EventQueue queue) {
		if (this.maturity != Moments.NONE) {
			queue.addExact(this.maturity, EventType.IP);
			queue.addExact(this.maturity, EventType.MD);
		}
		else if (this.call != Moments.NONE) {
			queue.addExact(this.call, EventType.XD);
			queue.addExact(this.settlement, EventType.IP);
			queue.addExact(this.settlement, EventType.STD);
		}
	}

	// Up to then it is capitalized on its cycle, S(s, IPCL, Md), from the anchor or else the
	// initial exchange: actus-core's default (clm12), where the techspec's is one cycle later.
	@Override
	void addInterestPayments(EventQueue queue) {
		ContractTerms terms = this.terms;
		if (terms.interestPaymentCycle == null) {
			return;
		}
		long anchor = terms.date(Term.CYCLE_ANCHOR_DATE_OF_INTEREST_PAYMENT);
		queue.addAll(Schedule.of((anchor != Moments.NONE) ? anchor : terms.initialExchangeDate,
				terms.interestPaymentCycle, scheduleEnd(), terms.endOfMonth, false), EventType.IPCI);
	}

	// The accrued interest at the status date as given, or none: actus-core does not reckon it
	// from the capitalization before (clm05), where the techspec's PAM initialization would.
	@Override
	void initialize() {
		super.initialize();
		double given = this.terms.accruedInterest;
		this.accrued = (running() && !Double.isNaN(given)) ? this.role * given : 0;
		this.called = this.call != Moments.NONE && this.call <= this.terms.statusDate;
		accrueOnNothingIfCalled();
	}

	@Override
	double evaluate(EventType type, long scheduled, long time) {
		return switch (type) {
			case XD -> call(time);
			// the settlement repays the notional, as a maturity does
			case STD -> super.evaluate(EventType.MD, scheduled, time);
			default -> super.evaluate(type, scheduled, time);
		};
	}

	// The settlement's payment pays the interest accrued to the call, and none for the notice
	// period (clm07, clm08). Over a notice the interest is due, no longer accrued, as the reference
	// reports it; without one the payment follows at once and the call reports it accrued (clm14).
	private double call(long time) {
		accrue(time);
		this.called = true;
		accrueOnNothingIfCalled();
		if (this.settlement > this.call) {
			this.interestDue = this.accrued;
			this.accrued = 0;
		}
		return 0;
	}

	// A called contract accrues no interest: on a base of nothing, not its notional.
	private void accrueOnNothingIfCalled() {
		this.ownBase = this.called;
		this.interestBase = 0;
	}

}
