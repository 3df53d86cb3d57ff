package batch.domain.cashflow;

import java.util.Arrays;

/**
 * A contract's scheduled events before evaluation, ordered by event time and then by the event
 * sequence. Each event keeps three times: scheduled, business-day shifted (when it happens) and
 * the one its accruals are calculated on. Ordering packs (time, sequence, index) into one long and
 * sorts primitives: no object per event.
 */
final class EventQueue {

	// Times are packed relative to 1900-01-01 in 38 bits (to the year 5000), then 4 bits of
	// sequence and 20 of index.
	private static final long ORIGIN = Moments.atDay(Moments.epochDayOf(1900, 1, 1), 0);

	private static final long TIME_LIMIT = 1L << 38;

	private static final int INDEX_BITS = 20;

	/**
	 * The most events a contract may have: a daily cycle for 270 years. A chunk holds its
	 * contracts' events until they are written, so this bounds the heap a chunk takes (with the
	 * chunk size); it is well under the {@code 1 << INDEX_BITS} the ordering keys can number.
	 */
	static final int MAX_EVENTS = 100_000;

	private static final int SEQUENCE_BITS = 4;

	private static final EventType[] TYPES = EventType.values();

	private final BusinessDayConvention businessDay;

	private final BusinessCalendar calendar;

	private final boolean shifts;

	private static final byte REMOVED = -1;

	private static final long[] SEQUENCES = new long[TYPES.length];

	static {
		for (EventType type : TYPES) {
			SEQUENCES[type.ordinal()] = (long) type.sequence() << INDEX_BITS;
		}
	}

	private long[] scheduled;

	private long[] happens;

	private long[] calculated;

	private byte[] types;

	private int size;

	private long[] order;

	/** @param capacity the number of events expected */
	EventQueue(BusinessDayConvention businessDay, BusinessCalendar calendar, int capacity) {
		this.businessDay = businessDay;
		this.calendar = calendar;
		this.shifts = businessDay != BusinessDayConvention.NOS && calendar != BusinessCalendar.NC;
		int size = Math.max(capacity, 8);
		this.scheduled = new long[size];
		// Without shifts the three times are one: they share an array.
		this.happens = this.shifts ? new long[size] : this.scheduled;
		this.calculated = this.shifts ? new long[size] : this.scheduled;
		this.types = new byte[size];
	}

	/** Adds an event on a scheduled time, moved off non-business days by the contract's convention. */
	void add(long time, EventType type) {
		if (this.shifts) {
			add(time, this.businessDay.shift(time, this.calendar),
					this.businessDay.calculationTime(time, this.calendar), type);
		}
		else {
			add(time, time, time, type);
		}
	}

	/**
	 * Adds an event that happens exactly when given, on a holiday too (the initial exchange, a
	 * purchase, a termination, a monitoring time), its accruals calculated on the date the
	 * contract's convention calculates it on, as every other event's (actus-core creates these
	 * events without the convention, and calculates year fractions with it).
	 */
	void addExact(long time, EventType type) {
		add(time, time, this.shifts ? this.businessDay.calculationTime(time, this.calendar) : time, type);
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
			this.happens = this.shifts ? Arrays.copyOf(this.happens, capacity) : this.scheduled;
			this.calculated = this.shifts ? Arrays.copyOf(this.calculated, capacity) : this.scheduled;
			this.types = Arrays.copyOf(this.types, capacity);
		}
		if (this.size >= MAX_EVENTS) {
			throw new ContractRejectedException(CashFlowRejectReason.INCONSISTENT_TERMS,
					"the schedules make more than " + MAX_EVENTS + " events");
		}
		this.scheduled[this.size] = time;
		if (this.shifts) {
			this.happens[this.size] = happens;
			this.calculated[this.size] = calculated;
		}
		this.types[this.size] = (byte) type.ordinal();
		this.size++;
	}

	/** Removes every event that comes after {@code time} and {@code type} in evaluation order. */
	void removeAfter(long time, EventType type) {
		for (int i = 0; i < this.size; i++) {
			if (this.types[i] != REMOVED && compare(i, time, type) > 0) {
				this.types[i] = REMOVED;
			}
		}
	}

	/** Removes every event of a type at a time, to replace it. */
	void remove(long time, EventType type) {
		for (int i = 0; i < this.size; i++) {
			if (this.happens[i] == time && this.types[i] == type.ordinal()) {
				this.types[i] = REMOVED;
			}
		}
	}

	/** Changes the type of the events of one type scheduled at or before {@code time}. */
	void retype(EventType from, long time, EventType to) {
		for (int i = 0; i < this.size; i++) {
			if (this.types[i] == from.ordinal() && this.happens[i] <= time) {
				this.types[i] = (byte) to.ordinal();
			}
		}
	}

	/** Changes the type of the first event of one type that happens after {@code time}. */
	void retypeFirstAfter(EventType from, long time, EventType to) {
		int first = -1;
		for (int i = 0; i < this.size; i++) {
			if (this.types[i] == from.ordinal() && this.happens[i] > time
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
			if (this.happens[i] == time && this.types[i] == type.ordinal()) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Orders the events that are left; returns how many. Schedules arrive as ascending runs, so the
	 * keys are merged run by run rather than sorted from scratch.
	 */
	int sort() {
		long[] keys = new long[this.size];
		int[] runStarts = new int[this.size + 1];
		int runs = 0;
		int count = 0;
		for (int i = 0; i < this.size; i++) {
			if (this.types[i] != REMOVED) {
				long relative = this.happens[i] - ORIGIN;
				if (relative < 0 || relative >= TIME_LIMIT) {
					throw new ContractRejectedException(CashFlowRejectReason.INCONSISTENT_TERMS,
							"an event falls outside the years 1900 to 5000");
				}
				long key = (relative << (SEQUENCE_BITS + INDEX_BITS)) | SEQUENCES[this.types[i]] | i;
				if (count == 0 || key < keys[count - 1]) {
					runStarts[runs++] = count;
				}
				keys[count++] = key;
			}
		}
		runStarts[runs] = count;
		this.order = (runs > 1) ? merge(keys, runStarts, runs, count) : keys;
		return count;
	}

	// Merges neighbouring ascending runs pairwise until one is left.
	private static long[] merge(long[] keys, int[] runStarts, int runs, int count) {
		long[] from = keys;
		long[] to = new long[count];
		while (runs > 1) {
			int merged = 0;
			for (int r = 0; r < runs; r += 2) {
				int start = runStarts[r];
				int middle = runStarts[Math.min(r + 1, runs)];
				int end = runStarts[Math.min(r + 2, runs)];
				int i = start;
				int j = middle;
				int k = start;
				while (i < middle && j < end) {
					to[k++] = (from[i] <= from[j]) ? from[i++] : from[j++];
				}
				while (i < middle) {
					to[k++] = from[i++];
				}
				while (j < end) {
					to[k++] = from[j++];
				}
				runStarts[merged++] = start;
			}
			runStarts[merged] = count;
			runs = merged;
			long[] swap = from;
			from = to;
			to = swap;
		}
		return from;
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
