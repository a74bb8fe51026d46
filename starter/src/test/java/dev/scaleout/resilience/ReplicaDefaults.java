package dev.scaleout.resilience;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Gives an {@code ApplicationContextRunner} the defaults a replica gets from the starter's environment post
 * processor, which only a {@code SpringApplication} runs.
 */
final class ReplicaDefaults implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		try {
			context.getEnvironment()
				.getPropertySources()
				.addLast(new ResourcePropertySource("classpath:dev/scaleout/defaults/replica-defaults.properties"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
