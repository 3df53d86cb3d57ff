package batch.domain.illustration;

/**
 * A policy row that breaks a validation rule. The message names the field and the rule, never
 * a value, so that it cannot carry personal data.
 */
public class PolicyRejectedException extends RuntimeException {

	private final RejectReason reason;

	public PolicyRejectedException(RejectReason reason, String message) {
		super(message, null, false, false);
		this.reason = reason;
	}

	public RejectReason reason() {
		return this.reason;
	}

}
