/**
 * The replica's actuator: the circuit breakers' health indicator wired so that an application starts whatever it
 * switches off, and a warning when the web exposure includes endpoints that leak or change the process.
 */
@NullMarked
package dev.scaleout.actuator;

import org.jspecify.annotations.NullMarked;
