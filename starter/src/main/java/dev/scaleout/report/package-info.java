/**
 * The replication report: what the starter set up, and what it found in the application that breaks when the
 * application runs as many replicas, each with its fix. Every concern contributes its own
 * {@link dev.scaleout.report.ReplicationCheck}s; this package only collects, logs and exposes them.
 */
@NullMarked
package dev.scaleout.report;

import org.jspecify.annotations.NullMarked;
