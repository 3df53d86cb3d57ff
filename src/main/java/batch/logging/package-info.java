/**
 * The console log encoder: plain text on standard error, or Spring Boot's structured JSON when
 * configured; the console appender, and the terminal line that it and the progress bar share.
 */
package batch.logging;
