/**
 * Item writers: bulk upserts (LOAD DATA or JDBC batches), reject recording, CSV exports. Uses the
 * domain, reader, processor, database and shared.
 */
package batch.writer;
