package dev.scaleout.actuator;

import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.actuate.endpoint.EndpointId;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;

/**
 * Logs one warning at startup when the actuator endpoints exposed over HTTP include any that reveal configuration,
 * secrets or internals, or change the running process. What is exposed is what Spring Boot actually maps, after
 * {@code management.endpoints.web.exposure.*} and {@code management.endpoint(s).*.access}, not what the properties
 * say.
 */
class SensitiveEndpointsWarning implements SmartInitializingSingleton {

	/**
	 * Endpoints that show secrets or the application's internals, or change its state, to anyone who can reach them.
	 */
	static final List<String> SENSITIVE = List.of("env", "configprops", "beans", "heapdump", "threaddump", "loggers",
			"shutdown", "sessions", "mappings");

	private static final Log logger = LogFactory.getLog(SensitiveEndpointsWarning.class);

	private final ObjectProvider<PathMappedEndpoints> endpoints;

	SensitiveEndpointsWarning(ObjectProvider<PathMappedEndpoints> endpoints) {
		this.endpoints = endpoints;
	}

	@Override
	public void afterSingletonsInstantiated() {
		List<String> exposed = exposedSensitiveEndpoints();
		if (!exposed.isEmpty()) {
			logger.warn(message(exposed));
		}
	}

	List<String> exposedSensitiveEndpoints() {
		PathMappedEndpoints mapped = this.endpoints.getIfAvailable();
		if (mapped == null) {
			return List.of();
		}
		return SENSITIVE.stream().filter((id) -> mapped.getEndpoint(EndpointId.of(id)) != null).toList();
	}

	static String message(List<String> exposed) {
		String list = String.join(",", exposed);
		return "Actuator endpoints that reveal secrets or internals, or change the running process, are exposed over "
				+ "HTTP: " + list + ". Narrow management.endpoints.web.exposure.include to what the gateway and "
				+ "scrapers need (Scaleout's default: health,info,prometheus,circuitbreakers), or exclude them with "
				+ "management.endpoints.web.exposure.exclude=" + list + ".";
	}

}
