/**
 * Discovery of the replica pool: a static list of base URLs, every A record of a host
 * name, or the base URLs listed in a watched file.
 */
package dev.scaleout.gateway.discovery;
