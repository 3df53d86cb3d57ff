package batch.domain.cashflow;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The events observed on one contract rather than scheduled by its terms: a monitoring time (AD),
 * a call notice or exercise (XD), an unscheduled payment or prepayment, a credit event. Each has
 * its time and a value (an amount, or 0 where the type carries none). Immutable once built.
 */
public final class ObservedEvents {

	/** No observed event. */
	public static final ObservedEvents NONE = new ObservedEvents(new long[0], new EventType[0], new double[0]);

	private final long[] times;

	private final EventType[] types;

	private final double[] values;

	private ObservedEvents(long[] times, EventType[] types, double[] values) {
		this.times = times;
		this.types = types;
		this.values = values;
	}

	public static Builder builder() {
		return new Builder();
	}

	/** Monitoring times only, as {@link CashFlowEngine}'s analysis times. */
	static ObservedEvents monitoring(long[] analysisTimes) {
		EventType[] types = new EventType[analysisTimes.length];
		Arrays.fill(types, EventType.AD);
		return new ObservedEvents(analysisTimes.clone(), types, new double[analysisTimes.length]);
	}

	/**
	 * The event type of an acronym, as an observed event gives it.
	 * @throws ContractRejectedException UNKNOWN_CONVENTION when it is not an ACTUS event type
	 */
	public static EventType eventType(String type) {
		try {
			return EventType.valueOf(type.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new ContractRejectedException(CashFlowRejectReason.UNKNOWN_CONVENTION,
					"an observed event's type must be an ACTUS event type, e.g. AD or XD");
		}
	}

	public int size() {
		return this.times.length;
	}

	public boolean isEmpty() {
		return this.times.length == 0;
	}

	long time(int i) {
		return this.times[i];
	}

	EventType type(int i) {
		return this.types[i];
	}

	double value(int i) {
		return this.values[i];
	}

	/** The times of the events of one type, in the order given. */
	long[] timesOf(EventType type) {
		int count = 0;
		for (EventType each : this.types) {
			if (each == type) {
				count++;
			}
		}
		long[] times = new long[count];
		int next = 0;
		for (int i = 0; i < this.types.length; i++) {
			if (this.types[i] == type) {
				times[next++] = this.times[i];
			}
		}
		return times;
	}

	/** Collects the observed events of a contract. */
	public static final class Builder {

		private final List<Long> times = new ArrayList<>();

		private final List<EventType> types = new ArrayList<>();

		private final List<Double> values = new ArrayList<>();

		private Builder() {
		}

		/**
		 * An event of a type, by its ACTUS acronym.
		 * @throws ContractRejectedException when the type is not an ACTUS event type
		 */
		public Builder observe(LocalDateTime time, String type, double value) {
			this.times.add(Moments.of(time));
			this.types.add(eventType(type));
			this.values.add(value);
			return this;
		}

		public ObservedEvents build() {
			long[] times = this.times.stream().mapToLong(Long::longValue).toArray();
			double[] values = this.values.stream().mapToDouble(Double::doubleValue).toArray();
			return new ObservedEvents(times, this.types.toArray(EventType[]::new), values);
		}

	}

}
