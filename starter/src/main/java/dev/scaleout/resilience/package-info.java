/**
 * Circuit breakers around outbound HTTP calls, on Resilience4j.
 */
@NullMarked
package dev.scaleout.resilience;

import org.jspecify.annotations.NullMarked;
