/**
 * Graceful shutdown with a readiness drain, so that a replica leaves the pool without failing a request.
 */
package dev.scaleout.shutdown;
