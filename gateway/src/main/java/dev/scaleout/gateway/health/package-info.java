/**
 * Active health checks: periodic probes of each backend's readiness endpoint with rise
 * and fall thresholds.
 */
package dev.scaleout.gateway.health;
