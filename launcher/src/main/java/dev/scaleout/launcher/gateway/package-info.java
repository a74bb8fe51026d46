/**
 * The gateway process the launcher runs, and what it asks of it: its view of the backends.
 */
package dev.scaleout.launcher.gateway;
