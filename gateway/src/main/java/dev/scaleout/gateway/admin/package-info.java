/**
 * The admin API and the console: a separate HTTP server, on loopback by default, where an
 * operator sees every replica and drains, maintains, readies or re-weights it. Never on
 * the proxied port.
 */
@NullMarked
package dev.scaleout.gateway.admin;

import org.jspecify.annotations.NullMarked;
