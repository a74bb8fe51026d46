package dev.scaleout.probes;

import java.util.List;
import java.util.Objects;

import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.health.actuate.endpoint.AdditionalHealthEndpointPath;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroup;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;

/**
 * The paths of the probe health groups, the one rule that both web stacks match requests against
 * ({@link ProbeRequests} for Spring MVC, {@link ProbeExchanges} for WebFlux): {@code <health endpoint path>/<group>}
 * where the actuator endpoints are served, and each group's additional path (such as {@code /livez}) on the server
 * it is served on. Neither the health endpoint itself nor anything beneath a group's path. Groups that do not exist
 * have no path.
 */
final class ProbePaths {

	private ProbePaths() {
	}

	/**
	 * {@code <health endpoint path>/<group>} for each group.
	 * @param groups the names of the probe health groups
	 * @param endpoints the actuator's endpoint paths
	 * @param healthGroups the health groups
	 * @return the paths, empty when the health endpoint is not exposed over HTTP
	 */
	static List<String> groupPaths(List<String> groups, PathMappedEndpoints endpoints,
			HealthEndpointGroups healthGroups) {
		String health = endpoints.getPath(HealthEndpoint.ID);
		if (health == null) {
			return List.of();
		}
		return groups.stream().filter((group) -> healthGroups.get(group) != null).map((group) -> health + "/" + group)
			.toList();
	}

	/**
	 * The groups' additional paths on one server: {@code server:} paths on the main server, {@code management:}
	 * paths on the management server.
	 * @param groups the names of the probe health groups
	 * @param healthGroups the health groups
	 * @param namespace the server
	 * @return the paths
	 */
	static List<String> additionalPaths(List<String> groups, HealthEndpointGroups healthGroups,
			WebServerNamespace namespace) {
		return groups.stream()
			.map(healthGroups::get)
			.filter(Objects::nonNull)
			.map(HealthEndpointGroup::getAdditionalPath)
			.filter(Objects::nonNull)
			.filter((path) -> path.hasNamespace(namespace))
			.map(AdditionalHealthEndpointPath::getValue)
			.toList();
	}

}
