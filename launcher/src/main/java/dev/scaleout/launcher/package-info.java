/**
 * {@code ./scaleout}: Redis, N supervised replicas and the gateway on one machine with only
 * a JDK — replicas started from a CDS archive of the app, crash restarts with backoff and
 * a crash-loop guard, rolling reloads through a watched backends file, and no orphan
 * process even when the launcher is killed.
 */
package dev.scaleout.launcher;
