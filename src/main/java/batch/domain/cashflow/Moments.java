package batch.domain.cashflow;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * ACTUS times as primitive longs on the contract's local clock: the day since 1970-01-01 in the
 * high bits and the second of the day in the low 17, so that times compare as longs and the day
 * is a shift away, not a division. Dates are what the calculations need; the time of day only
 * orders events within a day and, at 23:59:59, means the end of the day (ACTUS 2.8: "we
 * interpret the timestamp 23:59:59 as midnight"). Civil-date arithmetic is integer arithmetic
 * (H. Hinnant's algorithms), with no objects on the hot path.
 */
final class Moments {

	/** The absence of a time in a term. */
	public static final long NONE = Long.MIN_VALUE;

	private static final int DAY_SHIFT = 17;

	private static final long SECOND_MASK = (1L << DAY_SHIFT) - 1;

	private static final long END_OF_DAY = 86_399;

	private Moments() {
	}

	public static long of(LocalDateTime time) {
		return atDay(time.toLocalDate().toEpochDay(), time.toLocalTime().toSecondOfDay());
	}

	public static long of(LocalDate date) {
		return atDay(date.toEpochDay(), 0);
	}

	public static LocalDateTime toLocalDateTime(long moment) {
		return LocalDateTime.of(LocalDate.ofEpochDay(epochDay(moment)), LocalTime.ofSecondOfDay(secondOfDay(moment)));
	}

	public static LocalDate toLocalDate(long moment) {
		return LocalDate.ofEpochDay(epochDay(moment));
	}

	static long epochDay(long moment) {
		return moment >> DAY_SHIFT;
	}

	static long secondOfDay(long moment) {
		return moment & SECOND_MASK;
	}

	/** The day a moment counts as in day counts: 23:59:59 is the midnight that ends the day. */
	static long accrualDay(long moment) {
		return epochDay(moment) + ((secondOfDay(moment) >= END_OF_DAY) ? 1 : 0);
	}

	static long atDay(long epochDay, long secondOfDay) {
		return (epochDay << DAY_SHIFT) | secondOfDay;
	}

	/** Whole days from one moment's day to another's. */
	static long daysBetween(long from, long to) {
		return epochDay(to) - epochDay(from);
	}

	/** Days from 1970-01-01 of a civil date; {@code month} 1-12 (proleptic Gregorian). */
	static long epochDayOf(int year, int month, int day) {
		int y = (month <= 2) ? year - 1 : year;
		int era = Math.floorDiv(y, 400);
		int yearOfEra = y - era * 400;
		int monthIndex = (month + 9) % 12;
		int dayOfYear = (153 * monthIndex + 2) / 5 + day - 1;
		int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
		return era * 146_097L + dayOfEra - 719_468;
	}

	/** The civil date of an epoch day, packed as year * 10000 + month * 100 + day. */
	static int civil(long epochDay) {
		long z = epochDay + 719_468;
		long era = Math.floorDiv(z, 146_097);
		long dayOfEra = z - era * 146_097;
		long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
		long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
		long monthIndex = (5 * dayOfYear + 2) / 153;
		int day = (int) (dayOfYear - (153 * monthIndex + 2) / 5 + 1);
		int month = (int) ((monthIndex < 10) ? monthIndex + 3 : monthIndex - 9);
		int year = (int) (yearOfEra + era * 400 + ((month <= 2) ? 1 : 0));
		return year * 10_000 + month * 100 + day;
	}

	static int year(int civil) {
		return Math.floorDiv(civil, 10_000);
	}

	static int month(int civil) {
		return Math.floorMod(civil, 10_000) / 100;
	}

	static int day(int civil) {
		return Math.floorMod(civil, 100);
	}

	static boolean isLeapYear(int year) {
		return (year % 4 == 0) && (year % 100 != 0 || year % 400 == 0);
	}

	static int lengthOfMonth(int year, int month) {
		return switch (month) {
			case 2 -> isLeapYear(year) ? 29 : 28;
			case 4, 6, 9, 11 -> 30;
			default -> 31;
		};
	}

	/** Monday 0 ... Sunday 6. */
	static int dayOfWeek(long epochDay) {
		return (int) Math.floorMod(epochDay + 3, 7);
	}

	/**
	 * The moment {@code months} months after {@code moment}, the day clamped to the target month's
	 * length (as {@link LocalDate#plusMonths} does), or moved to the month's end.
	 */
	static long plusMonths(long moment, long months, boolean toEndOfMonth) {
		int civil = civil(epochDay(moment));
		long totalMonths = year(civil) * 12L + (month(civil) - 1) + months;
		int year = (int) Math.floorDiv(totalMonths, 12);
		int month = (int) Math.floorMod(totalMonths, 12) + 1;
		int length = lengthOfMonth(year, month);
		int day = toEndOfMonth ? length : Math.min(day(civil), length);
		return atDay(epochDayOf(year, month, day), secondOfDay(moment));
	}

	static long plusDays(long moment, long days) {
		return moment + (days << DAY_SHIFT);
	}

	static boolean isLastDayOfMonth(long moment) {
		int civil = civil(epochDay(moment));
		return day(civil) == lengthOfMonth(year(civil), month(civil));
	}

}
