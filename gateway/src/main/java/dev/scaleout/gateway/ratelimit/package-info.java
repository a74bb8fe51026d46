/**
 * Optional cluster-wide rate limit per client, in Redis, failing open or closed as
 * configured.
 */
package dev.scaleout.gateway.ratelimit;
