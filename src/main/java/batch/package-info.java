/**
 * The application: {@code BatchApplication} hands the command line to {@code batch.cli}. Packages
 * depend one way, domain ← shared ← adapters ← job ← operations ← cli and web
 * (ArchitectureTests).
 */
package batch;
