/**
 * The small place every adapter and layer above may use: step context and logging keys, step
 * settings, the table prefix, the process identity, an error's root cause. Imports nothing of the
 * application.
 */
package batch.shared;
