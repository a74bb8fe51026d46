package dev.scaleout.deploy;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * What a Spring Boot app reads from a container's environment variables. Binding goes through Boot's own
 * relaxed rules, so a misspelled variable is absent here exactly as it would be in the running app.
 */
final class SpringSettings {

	/** Boot's default for {@code spring.lifecycle.timeout-per-shutdown-phase}. */
	static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);

	private final Binder binder;

	private SpringSettings(Binder binder) {
		this.binder = binder;
	}

	static SpringSettings fromEnvironment(Map<String, String> variables) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
		environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
		environment.getPropertySources()
			.addFirst(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					new LinkedHashMap<>(variables)));
		ConfigurationPropertySources.attach(environment);
		return new SpringSettings(Binder.get(environment));
	}

	Optional<String> text(String property) {
		return this.binder.bind(property, String.class).map(Optional::of).orElse(Optional.empty());
	}

	Optional<Integer> integer(String property) {
		return this.binder.bind(property, Integer.class).map(Optional::of).orElse(Optional.empty());
	}

	Optional<Duration> duration(String property) {
		return this.binder.bind(property, Duration.class).map(Optional::of).orElse(Optional.empty());
	}

	Duration drainDelay() {
		return duration("scaleout.shutdown.drain-delay").orElse(Duration.ZERO);
	}

	Duration shutdownTimeout() {
		return duration("spring.lifecycle.timeout-per-shutdown-phase").orElse(DEFAULT_SHUTDOWN_TIMEOUT);
	}

}
