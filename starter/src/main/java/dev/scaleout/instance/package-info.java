/**
 * Instance identity: which replica answered, in response headers, log lines and {@code /actuator/info}.
 */
@NullMarked
package dev.scaleout.instance;

import org.jspecify.annotations.NullMarked;
