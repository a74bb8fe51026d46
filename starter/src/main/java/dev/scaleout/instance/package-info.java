/**
 * Instance identity: which replica answered, in response headers, log lines and {@code /actuator/info}.
 */
package dev.scaleout.instance;
