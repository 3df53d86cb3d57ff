package batch.domain.cashflow;



/**
 * Year fractions between two moments (ACTUS 3.6 and the data dictionary's IPDC).
 */
enum DayCountConvention {

	/** Actual/Actual ISDA: days in leap years over 366, others over 365. */
	AA {
		@Override
		double yearFraction(long start, long end, long maturity) {
			long from = Moments.accrualDay(start);
			long to = Moments.accrualDay(end);
			if (to < from) {
				return -yearFraction(end, start, maturity);
			}
			int fromYear = Moments.year(Moments.civil(from));
			int toYear = Moments.year(Moments.civil(to));
			if (fromYear == toYear) {
				return (to - from) / daysInYear(fromYear);
			}
			double fraction = (Moments.epochDayOf(fromYear + 1, 1, 1) - from) / daysInYear(fromYear);
			fraction += toYear - fromYear - 1;
			fraction += (to - Moments.epochDayOf(toYear, 1, 1)) / daysInYear(toYear);
			return fraction;
		}
	},

	/** Actual/360. */
	A360 {
		@Override
		double yearFraction(long start, long end, long maturity) {
			return (Moments.accrualDay(end) - Moments.accrualDay(start)) / 360.0;
		}
	},

	/** Actual/365 Fixed. */
	A365 {
		@Override
		double yearFraction(long start, long end, long maturity) {
			return (Moments.accrualDay(end) - Moments.accrualDay(start)) / 365.0;
		}
	},

	/** 30E/360 ISDA: month ends count as the 30th, except a February maturity date. */
	E30_360_ISDA("30E360ISDA") {
		@Override
		double yearFraction(long start, long end, long maturity) {
			int from = Moments.civil(Moments.accrualDay(start));
			int to = Moments.civil(Moments.accrualDay(end));
			int fromDay = isMonthEnd(from) ? 30 : Moments.day(from);
			int toDay = Moments.day(to);
			boolean februaryMaturity = maturity != Moments.NONE
					&& Moments.accrualDay(end) == Moments.accrualDay(maturity) && Moments.month(to) == 2;
			if (isMonthEnd(to) && !februaryMaturity) {
				toDay = 30;
			}
			return thirty360(from, fromDay, to, toDay);
		}
	},

	/** 30E/360 (Eurobond basis): the 31st counts as the 30th. */
	E30_360("30E360") {
		@Override
		double yearFraction(long start, long end, long maturity) {
			int from = Moments.civil(Moments.accrualDay(start));
			int to = Moments.civil(Moments.accrualDay(end));
			return thirty360(from, Math.min(Moments.day(from), 30), to, Math.min(Moments.day(to), 30));
		}
	};

	private final String acronym;

	DayCountConvention() {
		this.acronym = name();
	}

	DayCountConvention(String acronym) {
		this.acronym = acronym;
	}

	/**
	 * The fraction of a year from {@code start} to {@code end}.
	 * @param maturity the contract's maturity, which 30E360ISDA treats specially; or NONE
	 */
	abstract double yearFraction(long start, long end, long maturity);

	/** The ACTUS acronym, as in the contract terms. */
	public String acronym() {
		return this.acronym;
	}

	/** The convention of an ACTUS acronym, or null. */
	public static DayCountConvention ofAcronym(String acronym) {
		for (DayCountConvention convention : values()) {
			if (convention.acronym.equals(acronym)) {
				return convention;
			}
		}
		return null;
	}

	private static double daysInYear(int year) {
		return Moments.isLeapYear(year) ? 366.0 : 365.0;
	}

	private static boolean isMonthEnd(int civil) {
		return Moments.day(civil) == Moments.lengthOfMonth(Moments.year(civil), Moments.month(civil));
	}

	private static double thirty360(int from, int fromDay, int to, int toDay) {
		return (360.0 * (Moments.year(to) - Moments.year(from)) + 30.0 * (Moments.month(to) - Moments.month(from))
				+ (toDay - fromDay)) / 360.0;
	}

}
