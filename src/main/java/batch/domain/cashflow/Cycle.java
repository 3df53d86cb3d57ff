package batch.domain.cashflow;

import java.util.regex.Pattern;

/**
 * An ACTUS cycle: an ISO-8601 period and a stub flag, as in {@code P3ML0}, {@code P1YL1} or
 * {@code P27DL0}. {@code L0} asks for a long last stub (a last period that does not fit the cycle
 * is merged into the one before), {@code L1} (or no stub) for a short one.
 *
 * @param months the period's months (years as 12 months)
 * @param days the period's days (weeks as 7 days)
 * @param longStub whether the last irregular period is merged into the previous one
 */
record Cycle(int months, int days, boolean longStub) {

	public Cycle {
		if ((months == 0) == (days == 0) || months < 0 || days < 0) {
			throw new IllegalArgumentException("a cycle is a positive number of months or of days");
		}
	}

	// ASCII digits only, no sign, no leading zero
	private static final Pattern COUNT = Pattern.compile("[1-9][0-9]{0,5}");

	/**
	 * Parses {@code P<n><unit>[L<0|1>]} with unit Y, Q, H, M, W or D.
	 * @throws IllegalArgumentException when the text is not a cycle
	 */
	public static Cycle parse(String text) {
		String cycle = text.strip();
		int stubAt = cycle.indexOf('L');
		boolean longStub = false;
		if (stubAt >= 0) {
			String stub = cycle.substring(stubAt + 1);
			if (!stub.equals("0") && !stub.equals("1")) {
				throw new IllegalArgumentException("the stub of a cycle is L0 or L1");
			}
			longStub = stub.equals("0");
			cycle = cycle.substring(0, stubAt);
		}
		if (cycle.length() < 3 || cycle.charAt(0) != 'P') {
			throw new IllegalArgumentException("a cycle is P<n><unit>, e.g. P1M");
		}
		String digits = cycle.substring(1, cycle.length() - 1);
		// Integer.parseInt alone would also take +1, 0001 and ١
		if (!COUNT.matcher(digits).matches()) {
			throw new IllegalArgumentException("a cycle is P<n><unit>, e.g. P1M");
		}
		int count = Integer.parseInt(digits);
		if (count <= 0 || count > 100_000) {
			throw new IllegalArgumentException("a cycle's count must be positive");
		}
		return switch (cycle.charAt(cycle.length() - 1)) {
			case 'Y' -> new Cycle(12 * count, 0, longStub);
			case 'H' -> new Cycle(6 * count, 0, longStub);
			case 'Q' -> new Cycle(3 * count, 0, longStub);
			case 'M' -> new Cycle(count, 0, longStub);
			case 'W' -> new Cycle(0, 7 * count, longStub);
			case 'D' -> new Cycle(0, count, longStub);
			default -> throw new IllegalArgumentException("a cycle's unit is Y, Q, H, M, W or D");
		};
	}

	/** {@code anchor} plus {@code n} cycles, taken from the anchor (not step by step). */
	long plus(long anchor, int n, boolean endOfMonth) {
		return (this.months > 0) ? Moments.plusMonths(anchor, (long) this.months * n, endOfMonth)
				: Moments.plusDays(anchor, (long) this.days * n);
	}

	/** {@code moment} less one cycle. */
	long minus(long moment) {
		return (this.months > 0) ? Moments.plusMonths(moment, -this.months, false)
				: Moments.plusDays(moment, -this.days);
	}

	boolean inMonths() {
		return this.months > 0;
	}

}
