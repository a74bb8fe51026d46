package dev.scaleout.sample;

import java.util.Map;
import java.util.Set;

import dev.scaleout.instance.InstanceId;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.security.SpringSessionBackedSessionRegistry;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Form login whose security context lives in the Redis session, so a login on one replica holds on all. The
 * sessions of a user are found through Spring Session's principal index, so that
 * {@code scaleout.sample.user.max-sessions} holds across replicas.
 * <p>
 * API clients get 401 problem details and JSON; a browser asking for a protected page is sent to Spring Security's
 * login form and, once logged in, back to that page (the saved request, kept in the session like the login).
 * <p>
 * CSRF: the session cookie is {@code SameSite=Lax}, so browsers do not send it with cross-site POSTs, and every
 * state change is a POST. As a second line, a state-changing request that a browser marks
 * {@code Sec-Fetch-Site: cross-site} is rejected with 403. Same-site pages and non-browser clients such as curl
 * need no token.
 * <p>
 * Failed logins are counted in Redis per user name and per client address ({@link LoginThrottle}); past a few, a
 * login attempt is answered 429 with Retry-After for a time that doubles with each failure. Each failed login is one
 * log line ({@link LoginAudit}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http,
			@Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems, JsonMapper json,
			InstanceId instanceId, SessionRegistry sessionRegistry, SampleProperties properties,
			LoginThrottle loginThrottle) throws Exception {
		RequestMatcher browser = browserRequests();
		HttpSessionRequestCache requestCache = new HttpSessionRequestCache();
		requestCache.setRequestMatcher(browser);
		AuthenticationEntryPoint unauthorized = (request, response, ex) -> problems.resolveException(request,
				response, null, new ErrorResponseException(HttpStatus.UNAUTHORIZED, ex));
		SavedRequestAwareAuthenticationSuccessHandler backToSavedRequest = new SavedRequestAwareAuthenticationSuccessHandler();
		backToSavedRequest.setRequestCache(requestCache);
		AuthenticationSuccessHandler loggedIn = (request, response, authentication) -> {
			if (requestCache.getRequest(request, response) != null) {
				backToSavedRequest.onAuthenticationSuccess(request, response, authentication);
				return;
			}
			response.setStatus(HttpStatus.OK.value());
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			json.writeValue(response.getOutputStream(),
					Map.of("user", authentication.getName(), "instance", instanceId.value()));
		};
		AuthenticationFailureHandler backToLoginForm = new SimpleUrlAuthenticationFailureHandler("/login?error");
		AuthenticationFailureHandler loginFailed = (request, response, ex) -> {
			if (browser.matches(request)) {
				backToLoginForm.onAuthenticationFailure(request, response, ex);
			}
			else {
				unauthorized.commence(request, response, ex);
			}
		};
		Integer maxSessions = properties.user().maxSessions();
		if (maxSessions != null) {
			// Spring Security then reads the session of every request that carries a session cookie.
			http.sessionManagement((sessions) -> sessions.maximumSessions(maxSessions)
				.sessionRegistry(sessionRegistry)
				.expiredSessionStrategy((event) -> problems.resolveException(event.getRequest(), event.getResponse(),
						null, new ErrorResponseException(HttpStatus.UNAUTHORIZED, sessionEnded(), null))));
		}
		return http
			.authorizeHttpRequests((requests) -> requests.requestMatchers("/me", "/account", "/sessions/**")
				.authenticated()
				.anyRequest()
				.permitAll())
			.formLogin((login) -> login.loginProcessingUrl("/login")
				.successHandler(loggedIn)
				.failureHandler(loginFailed)
				.permitAll())
			.logout((logout) -> logout.logoutUrl("/logout")
				.logoutSuccessHandler(new HttpStatusReturningLogoutSuccessHandler(HttpStatus.NO_CONTENT)))
			.exceptionHandling((exceptions) -> exceptions
				.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), browser)
				.defaultAuthenticationEntryPointFor(unauthorized, AnyRequestMatcher.INSTANCE))
			.csrf((csrf) -> csrf.requireCsrfProtectionMatcher(SecurityConfiguration::crossSiteStateChange))
			.requestCache((cache) -> cache.requestCache(requestCache))
			.addFilterBefore(new ThrottledLoginFilter(loginThrottle, problems),
					UsernamePasswordAuthenticationFilter.class)
			.build();
	}

	@Bean
	LoginThrottle loginThrottle(StringRedisTemplate redis, SampleProperties properties) {
		return new LoginThrottle(redis, properties.login());
	}

	@Bean
	LoginAudit loginAudit(LoginThrottle loginThrottle) {
		return new LoginAudit(loginThrottle);
	}

	/**
	 * The sessions of each user, read from Spring Session's repository, so that the limit on sessions per user
	 * holds across all replicas.
	 */
	@Bean
	SessionRegistry sessionRegistry(FindByIndexNameSessionRepository<? extends Session> sessions) {
		return registryOf(sessions);
	}

	private static <S extends Session> SessionRegistry registryOf(FindByIndexNameSessionRepository<S> sessions) {
		return new SpringSessionBackedSessionRegistry<>(sessions);
	}

	private static ProblemDetail sessionEnded() {
		ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.UNAUTHORIZED);
		problem.setDetail("This session was ended because the same user logged in elsewhere; log in again.");
		return problem;
	}

	/**
	 * Requests from a browser that asks for a page: they are sent to the login form and back, where API clients get
	 * 401.
	 */
	private static RequestMatcher browserRequests() {
		MediaTypeRequestMatcher html = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
		html.setIgnoredMediaTypes(Set.of(MediaType.ALL));
		return html;
	}

	@Bean
	UserDetailsService users(SampleProperties properties) {
		return new InMemoryUserDetailsManager(User.withUsername(properties.user().name())
			.password(properties.user().password())
			.roles("USER")
			.build());
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	private static boolean crossSiteStateChange(HttpServletRequest request) {
		return !isSafe(request.getMethod()) && "cross-site".equals(request.getHeader("Sec-Fetch-Site"));
	}

	private static boolean isSafe(String method) {
		return HttpMethod.GET.matches(method) || HttpMethod.HEAD.matches(method) || HttpMethod.OPTIONS.matches(method)
				|| HttpMethod.TRACE.matches(method);
	}

}
