package batch.domain.cashflow;

import java.util.Arrays;

/**
 * A contract's scheduled events before evaluation, ordered by event time and then by the event
 * sequence. Each event keeps three times: scheduled, business-day shifted (when it happens) and
 * the one its accruals are calculated on. Ordering packs (time, sequence, index) into one long and
 * sorts primitives: no object per event.
 */
final class EventQueue {

	// Times are packed relative to 1900-01-01 in 39 bits of seconds (to the year 19000), then 4
	// bits of sequence and 20 of index.
	private static final long ORIGIN = Moments.epochDayOf(1900, 1, 1) * Moments.SECONDS_PER_DAY;

	private static final int INDEX_BITS = 20;

	private static final int SEQUENCE_BITS = 4;

	private static final EventType[] TYPES = EventType.values();

	private final BusinessDayConvention businessDay;

	private final BusinessCalendar calendar;

	private long[] scheduled = new long[64];

	private long[] happens = new long[64];

	private long[] calculated = new long[64];

	private byte[] types = new byte[64];

	private boolean[] removed = new boolean[64];

	private int size;

	private long[] order;

	EventQueue(BusinessDayConvention businessDay, BusinessCalendar calendar) {
		this.businessDay = businessDay;
		this.calendar = calendar;
	}

	/** Adds an event on a scheduled time, moved off non-business days by the contract's convention. */
	void add(long time, EventType type) {
		add(time, this.businessDay.shift(time, this.calendar), this.businessDay.calculationTime(time, this.calendar),
				type);
	}

	/** Adds an event that happens exactly when given (a purchase or termination date). */
	void addExact(long time, EventType type) {
		add(time, time, time, type);
	}

	/** When an event scheduled at {@code time} happens. */
	long shifted(long time) {
		return this.businessDay.shift(time, this.calendar);
	}

	void addAll(long[] times, EventType type) {
		for (long time : times) {
			add(time, type);
		}
	}

	private void add(long time, long happens, long calculated, EventType type) {
		if (this.size == this.scheduled.length) {
			int capacity = this.size * 2;
			this.scheduled = Arrays.copyOf(this.scheduled, capacity);
			this.happens = Arrays.copyOf(this.happens, capacity);
			this.calculated = Arrays.copyOf(this.calculated, capacity);
			this.types = Arrays.copyOf(this.types, capacity);
			this.removed = Arrays.copyOf(this.removed, capacity);
		}
		if (this.size >= (1 << INDEX_BITS)) {
			throw new ContractRejectedException(CashFlowRejectReason.INCONSISTENT_TERMS,
					"the schedules make more than " + (1 << INDEX_BITS) + " events");
		}
		this.scheduled[this.size] = time;
		this.happens[this.size] = happens;
		this.calculated[this.size] = calculated;
		this.types[this.size] = (byte) type.ordinal();
		this.removed[this.size] = false;
		this.size++;
	}

	/** Removes every event that comes after {@code time} and {@code type} in evaluation order. */
	void removeAfter(long time, EventType type) {
		for (int i = 0; i < this.size; i++) {
			if (compare(i, time, type) > 0) {
				this.removed[i] = true;
			}
		}
	}

	/** Removes every event of a type at a time, to replace it. */
	void remove(long time, EventType type) {
		for (int i = 0; i < this.size; i++) {
			if (this.happens[i] == time && this.types[i] == type.ordinal()) {
				this.removed[i] = true;
			}
		}
	}

	/** Changes the type of the events of one type scheduled at or before {@code time}. */
	void retype(EventType from, long time, EventType to) {
		for (int i = 0; i < this.size; i++) {
			if (!this.removed[i] && this.types[i] == from.ordinal() && this.happens[i] <= time) {
				this.types[i] = (byte) to.ordinal();
			}
		}
	}

	/** Changes the type of the first event of one type that happens after {@code time}. */
	void retypeFirstAfter(EventType from, long time, EventType to) {
		int first = -1;
		for (int i = 0; i < this.size; i++) {
			if (!this.removed[i] && this.types[i] == from.ordinal() && this.happens[i] > time
					&& (first < 0 || this.happens[i] < this.happens[first])) {
				first = i;
			}
		}
		if (first >= 0) {
			this.types[first] = (byte) to.ordinal();
		}
	}

	boolean contains(long time, EventType type) {
		for (int i = 0; i < this.size; i++) {
			if (!this.removed[i] && this.happens[i] == time && this.types[i] == type.ordinal()) {
				return true;
			}
		}
		return false;
	}

	/** Orders the events that are left; returns how many. */
	int sort() {
		long[] keys = new long[this.size];
		int count = 0;
		for (int i = 0; i < this.size; i++) {
			if (!this.removed[i]) {
				long relative = this.happens[i] - ORIGIN;
				if (relative < 0 || relative >= (1L << 39)) {
					throw new ContractRejectedException(CashFlowRejectReason.INCONSISTENT_TERMS,
							"an event falls outside the years 1900 to 19000");
				}
				keys[count++] = (relative << (SEQUENCE_BITS + INDEX_BITS))
						| ((long) TYPES[this.types[i]].sequence() << INDEX_BITS) | i;
			}
		}
		Arrays.sort(keys, 0, count);
		this.order = keys;
		return count;
	}

	private int index(int position) {
		return (int) (this.order[position] & ((1 << INDEX_BITS) - 1));
	}

	long scheduled(int position) {
		return this.scheduled[index(position)];
	}

	long happens(int position) {
		return this.happens[index(position)];
	}

	long calculated(int position) {
		return this.calculated[index(position)];
	}

	EventType type(int position) {
		return TYPES[this.types[index(position)]];
	}

	private int compare(int i, long time, EventType type) {
		int byTime = Long.compare(this.happens[i], time);
		return (byTime != 0) ? byTime : Integer.compare(TYPES[this.types[i]].sequence(), type.sequence());
	}

}
