package batch.reader;

/**
 * A contract of a run as imported: its line in the input file, its id and its terms as checked on
 * import, a JSON object of ACTUS term names to typed values.
 */
public record StagedContract(long lineNumber, String contractId, String terms) {

}
