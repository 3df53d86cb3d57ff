package batch.domain.cashflow;

/**
 * ACTUS contract events, in the order events on the same time are evaluated (the data
 * dictionary's event sequence). A settlement (STD) ends a contract where a maturity would (an FX
 * outright has one or the other), so it shares the maturity's place. A call notice (XD) comes
 * before the payments of its day, which a call without notice makes (clm14).
 */
public enum EventType {

	// DV shares IPCB's place (no contract has both): after the resets and before the purchase, as
	// the dictionary orders it, so that a dividend on the day of a purchase is the seller's; STD
	// shares MD's (an FX outright has one or the other); PI, a principal increase, PR's
	IED(1), PR(2), IP(3), IPCI(3), FP(4), RR(5), RRF(5), PRF(6), SC(7), IPCB(8), DV(8), PRD(9), TD(10), MD(11),
	STD(11), AD(12),
	// a swap's interest payment leg by leg, where IP would be (a swap has no fee): the fixed leg first
	IPFX(3), IPFL(4), PI(2), XD(2);

	private final int sequence;

	EventType(int sequence) {
		this.sequence = sequence;
	}

	int sequence() {
		return this.sequence;
	}

}
