package dev.scaleout.instance;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Settles {@code scaleout.instance.id} before logging starts, so that the id in the first log line is the one in
 * response headers and {@code /actuator/info}, and puts it into the default log line pattern.
 * <p>
 * Runs after the application's own configuration is loaded and adds its values with the lowest precedence:
 * anything the user sets wins.
 */
class InstanceIdEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	static final String PROPERTY_SOURCE_NAME = "scaleoutInstance";

	static final String ID_PROPERTY = "scaleout.instance.id";

	static final String LOG_LEVEL_PATTERN = "%5p [${" + ID_PROPERTY + "}]";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Map<String, Object> defaults = new LinkedHashMap<>();
		if (!environment.containsProperty(ID_PROPERTY)) {
			defaults.put(ID_PROPERTY, DefaultInstanceId.get());
		}
		defaults.put("logging.pattern.level", LOG_LEVEL_PATTERN);
		environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, defaults));
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
