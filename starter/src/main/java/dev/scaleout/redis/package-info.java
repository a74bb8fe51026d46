/**
 * What the concerns that use Redis share: telling an outage from a bug, and logging an outage once.
 */
package dev.scaleout.redis;
