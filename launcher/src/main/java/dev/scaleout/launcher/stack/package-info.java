/**
 * What {@code ./scaleout up} runs, wired together: Redis, the supervised replicas and the
 * gateway, the control endpoint, and the orderly stop.
 */
package dev.scaleout.launcher.stack;
