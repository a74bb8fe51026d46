/**
 * What the concerns that use Redis share: telling an outage from a bug, and logging an outage once.
 */
@NullMarked
package dev.scaleout.redis;

import org.jspecify.annotations.NullMarked;
