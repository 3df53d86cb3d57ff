/**
 * Item processors, thin adapters between rows and the engines: validate, call the engine, return;
 * and the items they pass to the writers. Uses the domain, reader and privacy.
 */
package batch.processor;
