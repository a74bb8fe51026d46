/**
 * Per-backend traffic statistics: in-flight, totals, failures, latency, published to
 * Micrometer.
 */
package dev.scaleout.gateway.stats;
