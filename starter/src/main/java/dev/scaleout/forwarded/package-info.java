/**
 * Forwarded headers: a replica behind a gateway sees the client's address, scheme, host and port, taken from the
 * {@code X-Forwarded-*} headers that trusted proxies set, and only from those.
 */
@NullMarked
package dev.scaleout.forwarded;

import org.jspecify.annotations.NullMarked;
