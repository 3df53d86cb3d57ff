package batch.domain.cashflow;



/**
 * Whether a schedule anchored on the last day of a short month keeps its day (SD) or follows the
 * month ends (EOM) (ACTUS 3.3).
 */
enum EndOfMonthConvention {

	SD, EOM;

	/** Whether schedules from this anchor with this cycle fall on month ends. */
	boolean appliesTo(long anchor, Cycle cycle) {
		return this == EOM && cycle.inMonths() && Moments.isLastDayOfMonth(anchor);
	}

}
