/**
 * The terminal of {@code up} (the merged, prefixed stream of every log file) and the status
 * table.
 */
@NullMarked
package dev.scaleout.launcher.console;

import org.jspecify.annotations.NullMarked;
