package batch.operations;

/**
 * An operation refused for a reason the caller can act on; its message says what to do, in one
 * line, and carries no stack trace.
 */
public class OperationRefusedException extends RuntimeException {

	private final Refusal refusal;

	public OperationRefusedException(Refusal refusal, String message) {
		super(message, null, false, false);
		this.refusal = refusal;
	}

	public Refusal refusal() {
		return this.refusal;
	}

}
