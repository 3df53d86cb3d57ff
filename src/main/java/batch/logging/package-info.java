/**
 * The console log encoder: plain text on standard error, or Spring Boot's structured JSON when
 * configured.
 */
package batch.logging;
