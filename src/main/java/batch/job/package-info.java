/**
 * One configuration class per job (steps and flow only), their parameters and preflight checks,
 * and the chunk steps they share. Composes the adapters.
 */
package batch.job;
