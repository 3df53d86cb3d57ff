package batch.domain.cashflow;

import java.util.Arrays;

/**
 * The ACTUS schedule function S(s, c, T) (section 3.1): times from the anchor {@code s} every
 * cycle {@code c} before the end {@code T}, each computed from the anchor, with the end itself if
 * asked for, and a long stub merging the last irregular period into the one before it.
 */
final class Schedule {

	private Schedule() {
	}

	/**
	 * @param anchor the first time, or {@link Moments#NONE} for an empty schedule
	 * @param cycle the cycle, or null for the anchor (and end) alone
	 * @param end the end, exclusive of the cycle times
	 * @param includeEnd whether the end is part of the schedule
	 * @return the times in ascending order
	 */
	static long[] of(long anchor, Cycle cycle, long end, EndOfMonthConvention endOfMonth, boolean includeEnd) {
		if (anchor == Moments.NONE && cycle == null) {
			return (includeEnd && end != Moments.NONE) ? new long[] { end } : new long[0];
		}
		if (cycle == null || end == Moments.NONE) {
			if (anchor == Moments.NONE) {
				return new long[0];
			}
			if (includeEnd && end != Moments.NONE && end != anchor) {
				return (anchor < end) ? new long[] { anchor, end } : new long[] { end, anchor };
			}
			return new long[] { anchor };
		}
		if (anchor == Moments.NONE) {
			return includeEnd ? new long[] { end } : new long[0];
		}
		boolean toEndOfMonth = endOfMonth.appliesTo(anchor, cycle);
		long[] times = new long[estimate(anchor, cycle, end) + 2];
		int count = 0;
		long next = anchor;
		int n = 1;
		// Month cycles step on the anchor's year and month, without converting each date back.
		int civil = Moments.civil(Moments.epochDay(anchor));
		long anchorMonths = Moments.year(civil) * 12L + Moments.month(civil) - 1;
		int anchorDay = Moments.day(civil);
		long second = Moments.secondOfDay(anchor);
		while (next < end) {
			if (count == times.length) {
				times = Arrays.copyOf(times, count * 2);
			}
			times[count++] = next;
			if (cycle.inMonths()) {
				long months = anchorMonths + (long) cycle.months() * n++;
				int year = (int) Math.floorDiv(months, 12);
				int month = (int) Math.floorMod(months, 12) + 1;
				int length = Moments.lengthOfMonth(year, month);
				int day = toEndOfMonth ? length : Math.min(anchorDay, length);
				next = Moments.atDay(Moments.epochDayOf(year, month, day), second);
			}
			else {
				next = cycle.plus(anchor, n++, toEndOfMonth);
			}
		}
		int regular = count;
		if (includeEnd) {
			if (count == times.length) {
				times = Arrays.copyOf(times, count + 1);
			}
			times[count++] = end;
		}
		// A long stub: the last cycle time before an end that is off the cycle goes, so that the
		// last period runs to the end (actus-core keeps at least two times).
		if (cycle.longStub() && count > 2 && next != end && regular > 0) {
			System.arraycopy(times, regular, times, regular - 1, count - regular);
			count--;
		}
		return Arrays.copyOf(times, count);
	}

	private static int estimate(long anchor, Cycle cycle, long end) {
		if (end <= anchor) {
			return 0;
		}
		double days = Moments.daysBetween(anchor, end);
		double perCycle = cycle.inMonths() ? cycle.months() * 28.0 : cycle.days();
		return (int) Math.min(days / perCycle + 1, 1_000_000);
	}

}
