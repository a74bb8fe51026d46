/**
 * The loopback control endpoint of the running {@code up}, which the other commands call,
 * and their client. It knows the stack only through
 * {@link dev.scaleout.launcher.control.ControlledStack}.
 */
@NullMarked
package dev.scaleout.launcher.control;

import org.jspecify.annotations.NullMarked;
