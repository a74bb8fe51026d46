/**
 * {@code ./scaleout}: Redis, N supervised replicas and the gateway on one machine with only
 * a JDK. This package is the ground floor the others build on: child processes and the
 * orphan reaper, the run directory, the options of {@code up}, and Redis. It depends on no
 * other package of the launcher.
 */
@NullMarked
package dev.scaleout.launcher;

import org.jspecify.annotations.NullMarked;
