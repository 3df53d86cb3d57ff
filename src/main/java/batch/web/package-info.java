/**
 * The REST trigger and its security (bearer token, body limit, audit log, problem details). Uses
 * operations.
 */
package batch.web;
