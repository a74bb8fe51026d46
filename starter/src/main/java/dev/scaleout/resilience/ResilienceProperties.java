package dev.scaleout.resilience;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Circuit breakers around outbound HTTP calls. Thresholds and timings are Resilience4j's own
 * {@code resilience4j.circuitbreaker.*} settings, which Scaleout defaults (see the README) and the application may
 * override, per breaker too: {@code resilience4j.circuitbreaker.instances.<name>.*}.
 *
 * @param enabled whether every {@code RestClient} and {@code WebClient} built from Spring Boot's builders calls
 * through a circuit breaker, one per target {@code host:port} unless the request names one
 */
@ConfigurationProperties("scaleout.resilience")
public record ResilienceProperties(@DefaultValue("true") boolean enabled) {

}
