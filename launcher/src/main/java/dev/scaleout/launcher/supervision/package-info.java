/**
 * Keeping processes running: the {@link dev.scaleout.launcher.supervision.ProcessSlot} state
 * machine (started, ready, exited, promoted) with its backoff and crash-loop guard, the
 * supervisor of the replicas, rolling reloads, the memory watch and the backends file.
 */
@NullMarked
package dev.scaleout.launcher.supervision;

import org.jspecify.annotations.NullMarked;
