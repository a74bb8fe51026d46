/**
 * Discovery of the replica pool: a static list of base URLs or every A record of a host
 * name.
 */
package dev.scaleout.gateway.discovery;
