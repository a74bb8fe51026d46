package dev.scaleout.probes;

import java.util.List;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.security.web.reactive.ApplicationContextServerWebExchangeMatcher;
import org.springframework.context.ApplicationContext;
import org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.ServerWebExchange;

/**
 * The WebFlux twin of {@link ProbeRequests}: matches the exchanges of the probe health groups, exactly the
 * {@link ProbePaths}, resolved on the first request as Spring Boot's reactive {@code EndpointRequest} does.
 */
final class ProbeExchanges {

	private ProbeExchanges() {
	}

	/**
	 * A matcher for the paths of the given health groups; groups that do not exist match nothing.
	 * @param groups the names of the probe health groups
	 * @return the matcher
	 */
	static ServerWebExchangeMatcher of(List<String> groups) {
		return new OrServerWebExchangeMatcher(new GroupPaths(groups),
				new AdditionalPaths(groups, WebServerNamespace.SERVER),
				new AdditionalPaths(groups, WebServerNamespace.MANAGEMENT));
	}

	/**
	 * Matches in one kind of context only (the main server's, or the management server's); which paths is decided
	 * on the first request, when the context is complete.
	 */
	private abstract static class ContextPaths extends ApplicationContextServerWebExchangeMatcher<ApplicationContext> {

		private static final ServerWebExchangeMatcher NOTHING = (exchange) -> MatchResult.notMatch();

		final List<String> groups;

		private volatile ServerWebExchangeMatcher delegate = NOTHING;

		ContextPaths(List<String> groups) {
			super(ApplicationContext.class);
			this.groups = groups;
		}

		@Override
		protected final void initialized(Supplier<ApplicationContext> context) {
			this.delegate = matcher(context.get());
		}

		@Override
		protected final Mono<MatchResult> matches(ServerWebExchange exchange, Supplier<ApplicationContext> context) {
			return this.delegate.matches(exchange);
		}

		private ServerWebExchangeMatcher matcher(ApplicationContext context) {
			try {
				List<String> paths = paths(context.getBean(PathMappedEndpoints.class),
						context.getBean(HealthEndpointGroups.class));
				return paths.isEmpty() ? NOTHING : ServerWebExchangeMatchers.pathMatchers(paths.toArray(String[]::new));
			}
			catch (NoSuchBeanDefinitionException ex) {
				return NOTHING;
			}
		}

		abstract List<String> paths(PathMappedEndpoints endpoints, HealthEndpointGroups healthGroups);

		final boolean serves(@Nullable ApplicationContext context, WebServerNamespace namespace) {
			return hasServerNamespace(context, namespace.getValue()) || (WebServerNamespace.SERVER.equals(namespace)
					&& getServerNamespace(context) == null && context != null && context.getParent() == null);
		}

	}

	/**
	 * {@code <health endpoint path>/<group>}, where the actuator endpoints are served.
	 */
	private static final class GroupPaths extends ContextPaths {

		GroupPaths(List<String> groups) {
			super(groups);
		}

		@Override
		protected boolean ignoreApplicationContext(@Nullable ApplicationContext context) {
			return context == null || (ManagementPortType.get(context.getEnvironment()) == ManagementPortType.DIFFERENT
					&& !serves(context, WebServerNamespace.MANAGEMENT));
		}

		@Override
		List<String> paths(PathMappedEndpoints endpoints, HealthEndpointGroups healthGroups) {
			return ProbePaths.groupPaths(this.groups, endpoints, healthGroups);
		}

	}

	/**
	 * The groups' additional paths on one server.
	 */
	private static final class AdditionalPaths extends ContextPaths {

		private final WebServerNamespace namespace;

		AdditionalPaths(List<String> groups, WebServerNamespace namespace) {
			super(groups);
			this.namespace = namespace;
		}

		@Override
		protected boolean ignoreApplicationContext(@Nullable ApplicationContext context) {
			return !serves(context, this.namespace);
		}

		@Override
		List<String> paths(PathMappedEndpoints endpoints, HealthEndpointGroups healthGroups) {
			return ProbePaths.additionalPaths(this.groups, healthGroups, this.namespace);
		}

	}

}
