/**
 * The defaults every replica gets: safe actuator exposure, health probes, time limits and breaker thresholds.
 */
@NullMarked
package dev.scaleout.defaults;

import org.jspecify.annotations.NullMarked;
