package batch.domain.cashflow;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * How far a projection runs: the {@code to} of ACTUS's {@code schedule(to, model)}, made explicit.
 * The batch job projects the whole contract; the conformance runner stops where actus-core stops.
 */
public final class Horizon {

	private static final Horizon WHOLE_CONTRACT = new Horizon(Moments.NONE, false);

	private static final Horizon MATURITY = new Horizon(Moments.NONE, true);

	private final long until;

	private final boolean atMaturity;

	private Horizon(long until, boolean atMaturity) {
		this.until = until;
		this.atMaturity = atMaturity;
	}

	/**
	 * Every event of the contract, those that a business-day shift moves past its maturity too: a
	 * payment is never lost.
	 */
	public static Horizon wholeContract() {
		return WHOLE_CONTRACT;
	}

	/**
	 * Up to the maturity as given or derived, inclusive, as actus-core's own harness projects a
	 * case with an empty {@code to}: an event that a shift moves past the maturity is dropped
	 * (an interest payment; in LAM and NAM the maturity event itself).
	 */
	public static Horizon maturity() {
		return MATURITY;
	}

	/** Up to a time, inclusive. */
	public static Horizon until(LocalDateTime time) {
		return new Horizon(Moments.of(Objects.requireNonNull(time, "time")), false);
	}

	/** The last time an event may happen for a contract of this maturity, or NONE for no limit. */
	long end(long maturity) {
		return this.atMaturity ? maturity : this.until;
	}

	@Override
	public String toString() {
		if (this.atMaturity) {
			return "maturity";
		}
		return (this.until == Moments.NONE) ? "whole contract" : "until " + Moments.toLocalDateTime(this.until);
	}

}
