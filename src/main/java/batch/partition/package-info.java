/**
 * Where calculation partitions run: key-range partitioners, a pool of threads per run locally, or
 * remote workers fed through Redis streams. Uses shared and the domain.
 */
package batch.partition;
