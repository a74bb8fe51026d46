package dev.scaleout.shutdown;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the drain that precedes Spring Boot's graceful shutdown: on SIGTERM readiness turns
 * {@code REFUSING_TRAFFIC} at once and the replica keeps serving for {@code scaleout.shutdown.drain-delay}.
 *
 * @see ShutdownProperties
 */
@AutoConfiguration
@EnableConfigurationProperties(ShutdownProperties.class)
public final class GracefulShutdownAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	DrainOnShutdown drainOnShutdown(ApplicationEventPublisher events, ShutdownProperties properties) {
		return new DrainOnShutdown(events, properties.drainDelay());
	}

	@Bean
	@ConditionalOnProperty("scaleout.shutdown.parent-pid")
	ExitWithParent exitWithParent(ConfigurableApplicationContext context, ShutdownProperties properties) {
		return new ExitWithParent(context, properties.parentPid());
	}

}
