/**
 * Actuator endpoints of the gateway: {@code /actuator/backends}.
 */
package dev.scaleout.gateway.actuate;
