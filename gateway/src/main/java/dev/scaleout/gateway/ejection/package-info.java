/**
 * Passive outlier ejection: backends whose real traffic keeps failing leave the pool for
 * a growing, capped time.
 */
package dev.scaleout.gateway.ejection;
