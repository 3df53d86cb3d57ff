package batch.processor;

/**
 * A valid contract row as the import stores it.
 *
 * @param terms the row's non-empty ACTUS terms as a JSON object of name to text
 */
public record ImportedContract(long lineNumber, String contractId, String contractType, String currency,
		String terms) {

}
