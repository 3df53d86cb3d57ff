/**
 * The calculation engines, plain Java with no Spring: the illustration engine and the ACTUS cash-
 * flow engine, and what both reject rows with. Imports only java.*.
 */
package batch.domain;
