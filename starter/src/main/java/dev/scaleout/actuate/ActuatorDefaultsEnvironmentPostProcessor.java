package dev.scaleout.actuate;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Actuator defaults for a replica: the endpoints a gateway, an orchestrator and a metrics scraper need (health with
 * its liveness and readiness groups, info, prometheus) and none that leak or stop the process (env, heapdump,
 * beans, shutdown) unless the application opts in. Health lists its components, Redis among them, without details.
 * <p>
 * Added with the lowest precedence: any value the application sets wins.
 */
class ActuatorDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	static final String PROPERTY_SOURCE_NAME = "scaleoutActuatorDefaults";

	static final Map<String, Object> DEFAULTS = Map.of("management.endpoints.web.exposure.include",
			"health,info,prometheus", "management.endpoint.health.show-components", "always",
			"management.endpoint.health.probes.enabled", "true");

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, DEFAULTS));
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
