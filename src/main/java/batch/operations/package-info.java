/**
 * What operators do to runs, for the command line and the API alike: launch and restart (with
 * their checks), track this process's runs, stop, recover, query, purge, heartbeats and reports.
 * Uses job and the adapters.
 */
package batch.operations;
