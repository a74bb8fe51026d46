/**
 * The replication report: what the starter set up, and what it found in the application that breaks when the
 * application runs as many replicas, each with its fix. Every concern contributes its own
 * {@link dev.scaleout.report.ReplicationCheck}s; this package collects, logs and exposes them, and inspects what no
 * concern of the starter configures: data sources, cache managers and the STOMP broker.
 */
@NullMarked
package dev.scaleout.report;

import org.jspecify.annotations.NullMarked;
