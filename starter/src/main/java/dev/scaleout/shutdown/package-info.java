/**
 * Graceful shutdown with a readiness drain, so that a replica leaves the pool without failing a request.
 */
@NullMarked
package dev.scaleout.shutdown;

import org.jspecify.annotations.NullMarked;
