package batch.domain.cashflow;

import java.util.Arrays;

/**
 * The ACTUS array schedule (section 3.2), as LAX takes it: segments, each from its anchor on its
 * own cycle (or at the anchor alone, without one) up to the next segment's anchor, the last up to
 * the end. A time of the schedule belongs to the segment whose terms (a payment, a rate) it takes.
 */
final class ArraySchedule {

	private final long[] anchors;

	// one per segment, null for a segment without a cycle
	private final Cycle[] cycles;

	private final EndOfMonthConvention endOfMonth;

	/**
	 * @param anchors the segments' anchors, ascending (the parser checks it)
	 * @param cycles none, one for every segment (ACTUS 7.3: the first applies to all), or one per
	 * anchor
	 */
	ArraySchedule(long[] anchors, Cycle[] cycles, EndOfMonthConvention endOfMonth) {
		this.anchors = anchors;
		this.cycles = new Cycle[anchors.length];
		for (int i = 0; i < anchors.length; i++) {
			this.cycles[i] = (cycles.length == 0) ? null : cycles[(cycles.length == anchors.length) ? i : 0];
		}
		this.endOfMonth = endOfMonth;
	}

	int segments() {
		return this.anchors.length;
	}

	long anchor(int segment) {
		return this.anchors[segment];
	}

	Cycle cycle(int segment) {
		return this.cycles[segment];
	}

	/**
	 * A segment's times before its end: the next anchor, or {@code end} when that comes first (for
	 * the last segment, always).
	 * @param end the schedule's end; {@link Moments#NONE} for none, but only for a segment before
	 * the last
	 * @param endInSchedule whether a segment that runs to {@code end} has it as one of its times (as
	 * the interest payments' has, so that a long stub merges into the period that ends there),
	 * though that time itself is left out
	 */
	long[] times(int segment, long end, boolean endInSchedule) {
		long next = (segment + 1 < this.anchors.length) ? this.anchors[segment + 1] : Long.MAX_VALUE;
		boolean toEnd = end != Moments.NONE && end <= next;
		long until = toEnd ? end : next;
		long[] times = Schedule.of(this.anchors[segment], this.cycles[segment], until, this.endOfMonth,
				toEnd && endInSchedule);
		int count = 0;
		while (count < times.length && times[count] < until) {
			count++;
		}
		return (count == times.length) ? times : Arrays.copyOf(times, count);
	}

	/** The segment a time of the schedule belongs to: the last whose anchor is at or before it. */
	int segmentOf(long time) {
		int found = Arrays.binarySearch(this.anchors, time);
		return (found >= 0) ? found : -found - 2;
	}

}
