package dev.scaleout.probes;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.RequestMatcherProvider;
import org.springframework.boot.security.web.servlet.ApplicationContextRequestMatcher;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.context.WebApplicationContext;

/**
 * Matches the servlet requests of the probe health groups, exactly: the {@link ProbePaths} (under
 * {@code management.endpoints.web.base-path}, on the management port when it is a different one). Paths come from
 * Spring Boot's own {@link PathMappedEndpoints} and {@link HealthEndpointGroups}, resolved on the first request as
 * Spring Boot's {@code EndpointRequest} does.
 */
final class ProbeRequests {

	private ProbeRequests() {
	}

	/**
	 * A matcher for the paths of the given health groups; groups that do not exist match nothing.
	 * @param groups the names of the probe health groups
	 * @return the matcher
	 */
	static RequestMatcher of(List<String> groups) {
		return new OrRequestMatcher(new GroupPaths(groups), new AdditionalPaths(groups, WebServerNamespace.SERVER),
				new AdditionalPaths(groups, WebServerNamespace.MANAGEMENT));
	}

	/**
	 * Matches in one kind of context only (the main server's, or the management server's); which paths is decided
	 * on the first request, when the context is complete.
	 */
	private abstract static class ContextPaths extends ApplicationContextRequestMatcher<WebApplicationContext> {

		private static final RequestMatcher NOTHING = (request) -> false;

		final List<String> groups;

		private volatile RequestMatcher delegate = NOTHING;

		ContextPaths(List<String> groups) {
			super(WebApplicationContext.class);
			this.groups = groups;
		}

		@Override
		protected final void initialized(Supplier<WebApplicationContext> context) {
			this.delegate = matcher(context.get());
		}

		@Override
		protected final boolean matches(HttpServletRequest request, Supplier<WebApplicationContext> context) {
			return this.delegate.matches(request);
		}

		private RequestMatcher matcher(WebApplicationContext context) {
			try {
				List<String> paths = paths(context.getBean(PathMappedEndpoints.class),
						context.getBean(HealthEndpointGroups.class));
				if (paths.isEmpty()) {
					return NOTHING;
				}
				RequestMatcherProvider provider = requestMatcherProvider(context);
				List<RequestMatcher> matchers = new ArrayList<>();
				paths.forEach((path) -> matchers.add(provider.getRequestMatcher(path, null)));
				return new OrRequestMatcher(matchers);
			}
			catch (NoSuchBeanDefinitionException ex) {
				return NOTHING;
			}
		}

		abstract List<String> paths(PathMappedEndpoints endpoints, HealthEndpointGroups healthGroups);

		final boolean serves(WebApplicationContext context, WebServerNamespace namespace) {
			return hasServerNamespace(context, namespace.getValue()) || (WebServerNamespace.SERVER.equals(namespace)
					&& getServerNamespace(context) == null && context.getParent() == null);
		}

		private static RequestMatcherProvider requestMatcherProvider(WebApplicationContext context) {
			try {
				return context.getBean(RequestMatcherProvider.class);
			}
			catch (NoSuchBeanDefinitionException ex) {
				return (pattern, method) -> PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
			}
		}

	}

	/**
	 * {@code <health endpoint path>/<group>}, where the actuator endpoints are served.
	 */
	private static final class GroupPaths extends ContextPaths {

		private volatile @Nullable ManagementPortType managementPortType;

		GroupPaths(List<String> groups) {
			super(groups);
		}

		@Override
		protected boolean ignoreApplicationContext(WebApplicationContext context) {
			ManagementPortType portType = this.managementPortType;
			if (portType == null) {
				portType = ManagementPortType.get(context.getEnvironment());
				this.managementPortType = portType;
			}
			return portType == ManagementPortType.DIFFERENT && !serves(context, WebServerNamespace.MANAGEMENT);
		}

		@Override
		List<String> paths(PathMappedEndpoints endpoints, HealthEndpointGroups healthGroups) {
			return ProbePaths.groupPaths(this.groups, endpoints, healthGroups);
		}

	}

	/**
	 * The groups' additional paths on one server: {@code server:} paths on the main server, {@code management:}
	 * paths on the management server.
	 */
	private static final class AdditionalPaths extends ContextPaths {

		private final WebServerNamespace namespace;

		AdditionalPaths(List<String> groups, WebServerNamespace namespace) {
			super(groups);
			this.namespace = namespace;
		}

		@Override
		protected boolean ignoreApplicationContext(WebApplicationContext context) {
			return !serves(context, this.namespace);
		}

		@Override
		List<String> paths(PathMappedEndpoints endpoints, HealthEndpointGroups healthGroups) {
			return ProbePaths.additionalPaths(this.groups, healthGroups, this.namespace);
		}

	}

}
