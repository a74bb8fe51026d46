package dev.scaleout.shutdown;

import java.util.Locale;

import dev.scaleout.report.ReplicationCheck;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration of the drain that precedes Spring Boot's graceful shutdown: on SIGTERM readiness turns
 * {@code REFUSING_TRAFFIC} at once and the replica keeps serving for {@code scaleout.shutdown.drain-delay}, every
 * response of a servlet or WebFlux application saying {@code Scaleout-Draining: true} meanwhile.
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

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.SERVLET)
	static class ServletDrainingSignalConfiguration {

		@Bean
		@ConditionalOnMissingBean
		DrainingSignalFilter drainingSignalFilter(DrainOnShutdown drain) {
			return new DrainingSignalFilter(drain);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.REACTIVE)
	static class ReactiveDrainingSignalConfiguration {

		@Bean
		@ConditionalOnMissingBean
		DrainingSignalWebFilter drainingSignalWebFilter(DrainOnShutdown drain) {
			return new DrainingSignalWebFilter(drain);
		}

	}

	@Bean
	@ConditionalOnMissingBean(name = "shutdownReplicationCheck")
	ReplicationCheck shutdownReplicationCheck(ShutdownProperties properties) {
		return (report) -> report.setUp(describe(properties));
	}

	private static String describe(ShutdownProperties properties) {
		String drain = properties.drainDelay().isZero()
				? " and graceful shutdown starts at once (no scaleout.shutdown.drain-delay)"
				: ", then the replica serves for another "
						+ properties.drainDelay().toString().substring(2).toLowerCase(Locale.ROOT)
						+ " before graceful shutdown";
		String parent = (properties.parentPid() != null) ? "; exits with its parent process " + properties.parentPid()
				: "";
		return "Drain on SIGTERM: readiness turns REFUSING_TRAFFIC" + drain + parent;
	}

	@Bean
	@ConditionalOnProperty("scaleout.shutdown.parent-pid")
	ExitWithParent exitWithParent(ConfigurableApplicationContext context, ShutdownProperties properties) {
		return new ExitWithParent(context, properties.parentPid());
	}

}
