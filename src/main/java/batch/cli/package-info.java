/**
 * The command line: one picocli command per verb, and what runs them (the Spring context started
 * on demand, exit codes, signals, following a run to its end). Uses operations, and job and the
 * adapters only for their parameter names and generators.
 */
package batch.cli;
