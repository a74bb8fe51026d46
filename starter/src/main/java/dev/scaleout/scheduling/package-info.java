/**
 * Scheduled jobs that run once per tick across all replicas, on ShedLock and Redis.
 */
package dev.scaleout.scheduling;
