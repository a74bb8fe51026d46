/**
 * The terminal of {@code up} (the merged, prefixed stream of every log file) and the status
 * table.
 */
package dev.scaleout.launcher.console;
