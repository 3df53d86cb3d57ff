package batch.domain.illustration;

/**
 * OK, or LAPSED when a ULIP fund is negative at some year end under some scenario.
 */
public enum PolicyStatus {

	OK, LAPSED

}
