/**
 * The gateway process the launcher runs, and what it asks of it: its view of the backends.
 */
@NullMarked
package dev.scaleout.launcher.gateway;

import org.jspecify.annotations.NullMarked;
