/**
 * Retries of idempotent requests on a different backend, within a retry budget.
 */
package dev.scaleout.gateway.retry;
