/**
 * The defaults every replica gets: safe actuator exposure, health probes, time limits and breaker thresholds.
 */
package dev.scaleout.defaults;
