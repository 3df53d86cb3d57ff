package batch.domain.cashflow;



/**
 * How a scheduled time on a non-business day moves (ACTUS 3.4). Shift/calculate conventions (SC*)
 * also calculate accruals on the shifted date; calculate/shift conventions (CS*) calculate on the
 * scheduled date and only pay on the shifted one.
 */
enum BusinessDayConvention {

	NOS(false, false, false), SCF(true, true, false), SCMF(true, true, true), CSF(false, true, false),
	CSMF(false, true, true), SCP(true, false, false), SCMP(true, false, true), CSP(false, false, false),
	CSMP(false, false, true);

	private final boolean calculateOnShiftedDate;

	private final boolean following;

	private final boolean modified;

	BusinessDayConvention(boolean calculateOnShiftedDate, boolean following, boolean modified) {
		this.calculateOnShiftedDate = calculateOnShiftedDate;
		this.following = following;
		this.modified = modified;
	}

	/** The time on which the event happens. */
	long shift(long moment, BusinessCalendar calendar) {
		if (this == NOS || calendar == BusinessCalendar.NC) {
			return moment;
		}
		long day = Moments.epochDay(moment);
		if (calendar.isBusinessDay(day)) {
			return moment;
		}
		long shifted = move(day, this.following ? 1 : -1, calendar);
		if (this.modified && Moments.month(Moments.civil(shifted)) != Moments.month(Moments.civil(day))) {
			shifted = move(day, this.following ? -1 : 1, calendar);
		}
		return Moments.atDay(shifted, Moments.secondOfDay(moment));
	}

	/** The time from and to which the event's accruals are calculated. */
	long calculationTime(long moment, BusinessCalendar calendar) {
		return this.calculateOnShiftedDate ? shift(moment, calendar) : moment;
	}

	private static long move(long day, int step, BusinessCalendar calendar) {
		long next = day + step;
		while (!calendar.isBusinessDay(next)) {
			next += step;
		}
		return next;
	}

}
