package batch.domain.illustration;

/**
 * Remembers the policy ids of one input file, so that a later row repeating an id is a
 * {@link RejectReason#DUPLICATE_POLICY_ID}.
 */
@FunctionalInterface
public interface DuplicateCheck {

	/**
	 * Records that the row on {@code lineNumber} carries {@code policyId} and answers whether an
	 * earlier line carried it too. Asking again for the same line gives the same answer, so a
	 * chunk may be processed twice.
	 */
	boolean seenOnEarlierLine(long policyId, long lineNumber);

}
