package batch.domain.illustration;

import batch.domain.Rejection;

/**
 * A policy row that breaks a validation rule. The message names the field and the rule, never
 * a value, so that it cannot carry personal data.
 */
public class PolicyRejectedException extends RuntimeException implements Rejection {

	private final RejectReason reason;

	public PolicyRejectedException(RejectReason reason, String message) {
		super(message, null, false, false);
		this.reason = reason;
	}

	public RejectReason reason() {
		return this.reason;
	}

	@Override
	public String reasonCode() {
		return this.reason.name();
	}

}
