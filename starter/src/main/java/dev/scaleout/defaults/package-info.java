/**
 * The defaults every replica gets: safe actuator exposure, problem details, time limits and breaker thresholds.
 */
package dev.scaleout.defaults;
