package batch.domain.cashflow;

/**
 * ACTUS contract events, in the order events on the same time are evaluated (the data
 * dictionary's event sequence).
 */
public enum EventType {

	IED(1), PR(2), PI(2), IP(3), IPCI(3), FP(4), RR(5), RRF(5), PRF(6), SC(7), IPCB(8), PRD(9), TD(10), MD(11), AD(12);

	private final int sequence;

	EventType(int sequence) {
		this.sequence = sequence;
	}

	int sequence() {
		return this.sequence;
	}

}
