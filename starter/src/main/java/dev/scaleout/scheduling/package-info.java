/**
 * Scheduled jobs that run once per tick across all replicas, on ShedLock and Redis.
 */
@NullMarked
package dev.scaleout.scheduling;

import org.jspecify.annotations.NullMarked;
