/**
 * The ACTUS cash-flow engine: contract terms, conventions, schedules, the projection of events,
 * present values. Immutable, thread-safe, plain Java.
 */
package batch.domain.cashflow;
