/**
 * What {@code ./scaleout up} runs, wired together: Redis, the supervised replicas and the
 * gateway, the control endpoint, and the orderly stop.
 */
@NullMarked
package dev.scaleout.launcher.stack;

import org.jspecify.annotations.NullMarked;
