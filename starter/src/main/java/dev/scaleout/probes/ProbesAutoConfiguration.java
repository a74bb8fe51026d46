package dev.scaleout.probes;

import dev.scaleout.report.ReplicationCheck;

import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.security.web.reactive.ApplicationContextServerWebExchangeMatcher;
import org.springframework.boot.security.web.servlet.ApplicationContextRequestMatcher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;

/**
 * Auto-configuration of open probes: when the application uses Spring Security, a {@link SecurityFilterChain} of its
 * own for exactly the probe paths (see {@link ProbePaths}) lets every request through, keeps no security context
 * in a session, saves no request for after a login and so creates no session: a replica whose own chain requires a
 * login for every URL still answers its orchestrator's and its gateway's probes, and the probes leave nothing in
 * Redis. Session management is off in this chain, so a probe that carries a session cookie does not read the
 * session either, and readiness answers while Redis is down. What a probe shows is what
 * {@code management.endpoint.health.group.<name>.show-details} shows an anonymous caller. A WebFlux application
 * gets the same as a {@link SecurityWebFilterChain}.
 * <p>
 * The chain is ordered {@value #CHAIN_ORDER} ({@code Ordered.HIGHEST_PRECEDENCE + 10}), before the application's
 * chains, and is not created when {@code scaleout.probes.open=false}, when the application defines a bean named
 * {@value #CHAIN_NAME}, or when it has a security filter chain ordered at or before it (which then handles the probe
 * paths as it sees fit). Spring Boot's default chains, which secure everything when the application has no chain
 * of its own, are created before this one and stay.
 *
 * @see ProbesProperties
 */
@AutoConfiguration(
		afterName = { "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
				"org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
				"org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration",
				"org.springframework.boot.security.autoconfigure.actuate.web.reactive."
						+ "ReactiveManagementWebSecurityAutoConfiguration" })
@ConditionalOnClass({ HealthEndpointGroups.class, PathMappedEndpoints.class })
@ConditionalOnBooleanProperty(name = "scaleout.probes.open", matchIfMissing = true)
@EnableConfigurationProperties(ProbesProperties.class)
public final class ProbesAutoConfiguration {

	/**
	 * The name of the probes' security filter chain bean; a bean of this name takes its place.
	 */
	public static final String CHAIN_NAME = "scaleoutProbesSecurityFilterChain";

	/**
	 * The order of the probes' security filter chain: an application chain ordered at or before it turns it off.
	 */
	public static final int CHAIN_ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.SERVLET)
	@ConditionalOnClass({ SecurityFilterChain.class, HttpSecurity.class, ApplicationContextRequestMatcher.class })
	@ConditionalOnBean(HttpSecurity.class)
	static class ServletProbesConfiguration {

		@Bean(CHAIN_NAME)
		@Order(CHAIN_ORDER)
		@ConditionalOnMissingBean(name = CHAIN_NAME)
		@Conditional(OnNoEarlierSecurityFilterChain.class)
		SecurityFilterChain scaleoutProbesSecurityFilterChain(HttpSecurity http, ProbesProperties properties) {
			return http.securityMatcher(ProbeRequests.of(properties.groups()))
				.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
				.securityContext((context) -> context
					.securityContextRepository(new RequestAttributeSecurityContextRepository()))
				.requestCache((cache) -> cache.requestCache(new NullRequestCache()))
				.sessionManagement(AbstractHttpConfigurer::disable)
				.csrf(AbstractHttpConfigurer::disable)
				.build();
		}

		@Bean
		@ConditionalOnBean(name = CHAIN_NAME)
		@ConditionalOnMissingBean(name = "openProbesCheck")
		ReplicationCheck openProbesCheck(ProbesProperties properties) {
			return new OpenProbesCheck(properties.groups());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.REACTIVE)
	@ConditionalOnClass({ SecurityWebFilterChain.class, ServerHttpSecurity.class,
			ApplicationContextServerWebExchangeMatcher.class })
	@ConditionalOnBean(ServerHttpSecurity.class)
	static class ReactiveProbesConfiguration {

		/**
		 * No security context is saved, no request is kept for after a login: a WebFlux app's session is created
		 * only by what writes to it, so the probes create none.
		 */
		@Bean(CHAIN_NAME)
		@Order(CHAIN_ORDER)
		@ConditionalOnMissingBean(name = CHAIN_NAME)
		@Conditional(OnNoEarlierSecurityFilterChain.class)
		SecurityWebFilterChain scaleoutProbesSecurityFilterChain(ServerHttpSecurity http, ProbesProperties properties) {
			return http.securityMatcher(ProbeExchanges.of(properties.groups()))
				.authorizeExchange((exchanges) -> exchanges.anyExchange().permitAll())
				.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
				.requestCache((cache) -> cache.requestCache(NoOpServerRequestCache.getInstance()))
				.csrf(ServerHttpSecurity.CsrfSpec::disable)
				.build();
		}

		@Bean
		@ConditionalOnBean(name = CHAIN_NAME)
		@ConditionalOnMissingBean(name = "openProbesCheck")
		ReplicationCheck openProbesCheck(ProbesProperties properties) {
			return new OpenProbesCheck(properties.groups());
		}

	}

}
