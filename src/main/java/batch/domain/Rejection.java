package batch.domain;

/**
 * A row rejected with a reason code and a message that carries no personal data.
 */
public interface Rejection {

	String reasonCode();

	String getMessage();

}
