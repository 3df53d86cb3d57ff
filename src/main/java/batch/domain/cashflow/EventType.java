package batch.domain.cashflow;

/**
 * ACTUS contract events, in the order events on the same time are evaluated (the data
 * dictionary's event sequence). A call notice (XD) comes before the payments of its day, which
 * a call without notice makes, and its settlement (STD) where a maturity would (clm14).
 */
public enum EventType {

	IED(1), PR(2), IP(3), IPCI(3), FP(4), RR(5), RRF(5), PRF(6), SC(7), IPCB(8), PRD(9), TD(10), MD(11), AD(12),
	XD(2), STD(11);

	private final int sequence;

	EventType(int sequence) {
		this.sequence = sequence;
	}

	int sequence() {
		return this.sequence;
	}

}
