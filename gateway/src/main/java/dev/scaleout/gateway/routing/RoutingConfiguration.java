package dev.scaleout.gateway.routing;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.scaleout.gateway.discovery.Backend;

/**
 * The one route: every path but the gateway's own actuator endpoints goes to the replica
 * pool through the load balancer.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProxyProperties.class)
public final class RoutingConfiguration {

	static final String ROUTE_ID = "replicas";

	@Bean
	RouteLocator replicaRoute(RouteLocatorBuilder routes, WebEndpointProperties endpoints) {
		String actuator = endpoints.getBasePath() + "/**";
		return routes.routes()
			.route(ROUTE_ID, (route) -> route.not((path) -> path.path(actuator)).uri("lb://" + Backend.SERVICE_ID))
			.build();
	}

	@Bean
	ForwardingHeadersFilter forwardingHeadersFilter() {
		return new ForwardingHeadersFilter();
	}

	@Bean
	UnavailableBackendFilter unavailableBackendFilter(ProxyProperties properties) {
		return new UnavailableBackendFilter(properties.unavailableRetryAfter());
	}

	@Bean
	static HttpClientTuning httpClientTuning(ObjectProvider<ProxyProperties> properties) {
		return new HttpClientTuning(properties);
	}

}
