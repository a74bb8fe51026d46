package dev.scaleout.gateway;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The time source of health checks, ejection, slow start and the retry budget; tests
 * replace it to drive time.
 */
@Configuration(proxyBeanMethods = false)
public final class GatewayClockConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Clock gatewayClock() {
		return Clock.systemUTC();
	}

}
