/**
 * Item readers and input files: CSV read once with opencsv (header checks, fingerprints), JDBC
 * key-range readers, the ACTUS dictionary and the product basis. Uses the domain and shared.
 */
package batch.reader;
