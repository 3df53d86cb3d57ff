/**
 * What the command line prints about a run: the summary at its end and the progress while it
 * runs. Uses operations' reports.
 */
package batch.cli.output;
