/**
 * Circuit breakers around outbound HTTP calls, on Resilience4j.
 */
package dev.scaleout.resilience;
