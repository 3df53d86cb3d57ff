package batch.domain.cashflow;



/**
 * Which days are business days (ACTUS 3.5): every day (NC), or Monday to Friday (MF).
 */
enum BusinessCalendar {

	NC, MF;

	boolean isBusinessDay(long epochDay) {
		return this == NC || Moments.dayOfWeek(epochDay) < 5;
	}

}
