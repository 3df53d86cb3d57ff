/**
 * The ACTUS conformance runner: cases in the actus-tests format through the cash-flow engine,
 * results as JSON. Uses the domain and Jackson.
 */
package batch.conformance;
