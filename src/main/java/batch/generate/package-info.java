/**
 * Deterministic synthetic input files (policies, contracts with their market data) for tests,
 * benchmarks and trials, with rows made invalid on purpose. Uses the domain and opencsv.
 */
package batch.generate;
