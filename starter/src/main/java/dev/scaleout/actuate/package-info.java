/**
 * Safe actuator defaults for replicas.
 */
package dev.scaleout.actuate;
