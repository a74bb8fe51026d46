/**
 * What an operator decided about each replica — drain, maintenance, a runtime weight —
 * kept in Redis so that every gateway applies it and it survives a restart, or in memory
 * without Redis; and the supplier that leaves drained and maintained replicas out of the
 * pool.
 */
@NullMarked
package dev.scaleout.gateway.operator;

import org.jspecify.annotations.NullMarked;
