package dev.scaleout.defaults;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Settings every replica should have and Spring Boot does not default to: safe actuator exposure, health probes,
 * Redis and HTTP client time limits, and circuit breaker thresholds. They are listed in one file,
 * {@value #DEFAULTS}, and added with the lowest precedence: any value the application sets wins.
 */
class ReplicaDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	static final String PROPERTY_SOURCE_NAME = "scaleoutReplicaDefaults";

	static final String DEFAULTS = "dev/scaleout/defaults/replica-defaults.properties";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		try {
			environment.getPropertySources()
				.addLast(new ResourcePropertySource(PROPERTY_SOURCE_NAME,
						new ClassPathResource(DEFAULTS, ReplicaDefaultsEnvironmentPostProcessor.class.getClassLoader())));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Scaleout's replica defaults are missing from the class path: " + DEFAULTS,
					ex);
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
