package batch.domain.cashflow;

import batch.domain.Rejection;

/**
 * A contract that cannot be projected. The message names the term and the rule, never a value.
 */
public class ContractRejectedException extends RuntimeException implements Rejection {

	private final CashFlowRejectReason reason;

	public ContractRejectedException(CashFlowRejectReason reason, String message) {
		super(message, null, false, false);
		this.reason = reason;
	}

	public CashFlowRejectReason reason() {
		return this.reason;
	}

	@Override
	public String reasonCode() {
		return this.reason.name();
	}

}
