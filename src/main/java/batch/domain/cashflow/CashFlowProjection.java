package batch.domain.cashflow;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

/**
 * The projected events of one contract, in order, each with its payoff and the contract's state
 * after it (notional, nominal rate, accrued interest), signed by the contract role, and the
 * currency it pays in. Held in parallel arrays: a contract with thousands of events costs no
 * object per event.
 */
public final class CashFlowProjection {

	private static final EventType[] TYPES = EventType.values();

	private final ContractTerms terms;

	// the currencies the contract pays in, its own first; each event keeps an index into them
	private final String[] currencies;

	private int size;

	private long[] moments;

	private byte[] types;

	private double[] payoffs;

	private double[] notionals;

	private double[] rates;

	private double[] accrued;

	// null while every event pays in the contract's own currency: most contracts never need it
	private byte[] currencyIndexes;

	CashFlowProjection(ContractTerms terms, String[] currencies, int capacity) {
		this.terms = terms;
		this.currencies = currencies;
		this.moments = new long[capacity];
		this.types = new byte[capacity];
		this.payoffs = new double[capacity];
		this.notionals = new double[capacity];
		this.rates = new double[capacity];
		this.accrued = new double[capacity];
	}

	/** An event, paid in the currency of that index among the contract's currencies. */
	void add(long moment, EventType type, double payoff, double notional, double rate, double accruedInterest,
			int currency) {
		if (this.size == this.moments.length) {
			int capacity = Math.max(8, this.size * 2);
			this.moments = Arrays.copyOf(this.moments, capacity);
			this.types = Arrays.copyOf(this.types, capacity);
			this.payoffs = Arrays.copyOf(this.payoffs, capacity);
			this.notionals = Arrays.copyOf(this.notionals, capacity);
			this.rates = Arrays.copyOf(this.rates, capacity);
			this.accrued = Arrays.copyOf(this.accrued, capacity);
			if (this.currencyIndexes != null) {
				this.currencyIndexes = Arrays.copyOf(this.currencyIndexes, capacity);
			}
		}
		this.moments[this.size] = moment;
		this.types[this.size] = (byte) type.ordinal();
		this.payoffs[this.size] = payoff;
		this.notionals[this.size] = notional;
		this.rates[this.size] = rate;
		this.accrued[this.size] = accruedInterest;
		if (currency != 0 || this.currencyIndexes != null) {
			if (this.currencyIndexes == null) {
				this.currencyIndexes = new byte[this.moments.length];
			}
			this.currencyIndexes[this.size] = (byte) currency;
		}
		this.size++;
	}

	/** Keeps only the events from {@code from} on (the purchase date cuts earlier events off). */
	void dropBefore(int from) {
		if (from <= 0) {
			return;
		}
		int remaining = this.size - from;
		System.arraycopy(this.moments, from, this.moments, 0, remaining);
		System.arraycopy(this.types, from, this.types, 0, remaining);
		System.arraycopy(this.payoffs, from, this.payoffs, 0, remaining);
		System.arraycopy(this.notionals, from, this.notionals, 0, remaining);
		System.arraycopy(this.rates, from, this.rates, 0, remaining);
		System.arraycopy(this.accrued, from, this.accrued, 0, remaining);
		if (this.currencyIndexes != null) {
			System.arraycopy(this.currencyIndexes, from, this.currencyIndexes, 0, remaining);
		}
		this.size = remaining;
	}

	public String contractId() {
		return this.terms.contractId;
	}

	public ContractType contractType() {
		return this.terms.type;
	}

	/** The contract's currency: every event's, but the second currency's leg of an FX outright. */
	public String currency() {
		return this.terms.currency;
	}

	/** The currencies the contract's events pay in, its own first: one but for an FX outright's. */
	public List<String> currencies() {
		return List.of(this.currencies);
	}

	/** The currency an event pays in. */
	public String currency(int event) {
		check(event);
		return this.currencies[(this.currencyIndexes != null) ? this.currencyIndexes[event] : 0];
	}

	public int size() {
		return this.size;
	}

	public LocalDateTime time(int event) {
		return Moments.toLocalDateTime(moment(event));
	}

	public long moment(int event) {
		check(event);
		return this.moments[event];
	}

	public EventType type(int event) {
		check(event);
		return TYPES[this.types[event]];
	}

	public double payoff(int event) {
		check(event);
		return this.payoffs[event];
	}

	public double notionalPrincipal(int event) {
		check(event);
		return this.notionals[event];
	}

	public double nominalInterestRate(int event) {
		check(event);
		return this.rates[event];
	}

	public double accruedInterest(int event) {
		check(event);
		return this.accrued[event];
	}

	/**
	 * The largest magnitude among the events' payoffs, notionals, rates and accrued interest: NaN
	 * if any of them is not a number.
	 */
	public double largestMagnitude() {
		double largest = 0;
		for (int i = 0; i < this.size; i++) {
			largest = Math.max(largest, Math.max(Math.max(Math.abs(this.payoffs[i]), Math.abs(this.notionals[i])),
					Math.max(Math.abs(this.rates[i]), Math.abs(this.accrued[i]))));
		}
		return largest;
	}

	private void check(int event) {
		if (event < 0 || event >= this.size) {
			throw new IndexOutOfBoundsException("event " + event + " of " + this.size);
		}
	}

}
