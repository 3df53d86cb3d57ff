package batch.processor;

/**
 * A valid contract row as the import stores it.
 *
 * @param terms the row's ACTUS terms as checked and typed ({@code ContractTerms.staged()}), as a
 *     JSON object
 */
public record ImportedContract(long lineNumber, String contractId, String contractType, String currency,
		String terms) {

}
