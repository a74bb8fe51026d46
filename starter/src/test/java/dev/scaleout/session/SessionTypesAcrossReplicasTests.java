package dev.scaleout.session;

import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Currency;
import java.util.Date;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

import dev.scaleout.test.redis.TestRedis;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpSession;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.context.i18n.SimpleTimeZoneAwareLocaleContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.RememberMeAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authentication.ott.GenerateOneTimeTokenRequest;
import org.springframework.security.authentication.ott.InMemoryOneTimeTokenService;
import org.springframework.security.authentication.ott.OneTimeToken;
import org.springframework.security.authentication.ott.OneTimeTokenAuthenticationProvider;
import org.springframework.security.authentication.ott.OneTimeTokenAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizationRequestRepository;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.oauth2.core.user.DefaultOAuth2User;
import org.springframework.security.oauth2.core.user.OAuth2UserAuthority;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.WebAuthenticationDetailsSource;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.security.web.authentication.switchuser.SwitchUserGrantedAuthority;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthentication;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.i18n.SessionLocaleResolver;
import org.springframework.web.servlet.support.SessionFlashMapManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Spring Framework, Spring Security and Spring Session put into an HTTP session, and the JDK's value types
 * that applications keep there, written by one replica and read by another on a real Redis: each comes back as the
 * same type and an equal value.
 * <p>
 * Where it can, each case makes its attributes the way Spring does at run time — Spring's own repositories,
 * resolvers, failure handlers and authentication providers writing into a servlet session — rather than by hand.
 * SAML 2 and CAS are left out: their modules need OpenSAML and a CAS client from repositories other than Maven
 * Central. WebAuthn's ceremony options (PublicKeyCredentialCreationOptions and RequestOptions) have no JSON form
 * in Spring Security 7.0 that reads back; {@link SessionTypeRefusalsTests} shows them refused, not lost silently.
 */
class SessionTypesAcrossReplicasTests {

	private static final String APPLICATION_PACKAGE = SessionTypesAcrossReplicasTests.class.getPackageName();

	private final TestRedis redis = TestRedis.shared();

	private final String namespace = "types-" + UUID.randomUUID();

	private final SessionReplica writer = SessionReplica.start(this.redis, this.namespace, APPLICATION_PACKAGE);

	private final SessionReplica reader = SessionReplica.start(this.redis, this.namespace, APPLICATION_PACKAGE);

	@AfterEach
	void stopReplicas() {
		this.writer.close();
		this.reader.close();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource({ "springFramework", "springSecurity", "springSecurityOAuth2", "springSession", "jdkValues",
			"applicationValues" })
	void writtenOnOneReplicaReadsOnAnotherAsTheSameTypeAndValue(Map<String, Object> attributes) {
		RedisSession written = this.writer.write(attributes);
		RedisSession read = this.reader.read(written.getId());
		assertThat(read).isNotNull();
		assertThat(read.getAttributeNames()).containsExactlyInAnyOrderElementsOf(attributes.keySet());
		attributes.forEach((name, value) -> assertSameTypeAndValue(name, read.getAttribute(name), value));
		assertThat(this.writer.refusals().refusals()).isEmpty();
		assertThat(this.reader.refusals().refusals()).isEmpty();
	}

	static Stream<Arguments> springFramework() {
		return Stream.of(
				named("flash attributes (SessionFlashMapManager)", (request) -> {
					FlashMap flash = new FlashMap();
					flash.put("message", "Order 42 saved");
					flash.put("count", 3);
					flash.put("due", LocalDate.of(2026, 1, 2));
					flash.put("total", new BigDecimal("19.90"));
					flash.setTargetRequestPath("/orders/42");
					flash.addTargetRequestParam("tab", "items");
					flash.addTargetRequestParam("tab", "history");
					new SessionFlashMapManager().saveOutputFlashMap(flash, request, new MockHttpServletResponse());
				}),
				named("locale and time zone (SessionLocaleResolver)",
						(request) -> new SessionLocaleResolver().setLocaleContext(request,
								new MockHttpServletResponse(), new SimpleTimeZoneAwareLocaleContext(
										Locale.CANADA_FRENCH, TimeZone.getTimeZone("Europe/Paris")))));
	}

	static Stream<Arguments> springSecurity() {
		return Stream.of(
				named("form login (ProviderManager, HttpSessionSecurityContextRepository)",
						(request) -> saveLogin(request, formLogin(request, "demo", "secret"))),
				named("remember-me login", (request) -> saveLogin(request,
						new RememberMeAuthenticationToken("key", user("demo"), user("demo").getAuthorities()))),
				named("anonymous login", (request) -> request.getSession()
					.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY,
							new SecurityContextImpl(new AnonymousAuthenticationToken("key", "anonymousUser",
									AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"))))),
				named("pre-authenticated login", (request) -> saveLogin(request,
						new PreAuthenticatedAuthenticationToken(user("demo"), "N/A", user("demo").getAuthorities()))),
				named("switched user (SwitchUserGrantedAuthority)", (request) -> {
					Authentication admin = formLogin(request, "admin", "secret");
					List<GrantedAuthority> authorities = new ArrayList<>(user("demo").getAuthorities());
					authorities.add(new SwitchUserGrantedAuthority("ROLE_PREVIOUS_ADMINISTRATOR", admin));
					saveLogin(request, UsernamePasswordAuthenticationToken.authenticated(user("demo"), null,
							authorities));
				}),
				named("one-time token login (OneTimeTokenAuthenticationProvider)", (request) -> {
					InMemoryOneTimeTokenService tokens = new InMemoryOneTimeTokenService();
					OneTimeToken token = tokens.generate(new GenerateOneTimeTokenRequest("demo"));
					Authentication login = new OneTimeTokenAuthenticationProvider(tokens, users())
						.authenticate(OneTimeTokenAuthenticationToken.unauthenticated(token.getTokenValue()));
					saveLogin(request, login);
				}),
				named("WebAuthn login", (request) -> {
					List<GrantedAuthority> authorities = new ArrayList<>(user("demo").getAuthorities());
					authorities.add(FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.WEBAUTHN_AUTHORITY));
					saveLogin(request, new WebAuthnAuthentication(ImmutablePublicKeyCredentialUserEntity.builder()
						.name("demo")
						.id(Bytes.random())
						.displayName("Demo User")
						.build(), authorities));
				}),
				named("saved request (HttpSessionRequestCache)", (request) -> {
					MockHttpServletRequest protectedPage = new MockHttpServletRequest("GET", "/orders");
					protectedPage.setSession(request.getSession());
					protectedPage.setQueryString("page=2&sort=date");
					protectedPage.setParameter("page", "2");
					protectedPage.setParameter("sort", "date");
					protectedPage.addHeader("Accept", "text/html");
					protectedPage.setCookies(new Cookie("theme", "dark"));
					protectedPage.addPreferredLocale(Locale.GERMANY);
					new HttpSessionRequestCache().saveRequest(protectedPage, new MockHttpServletResponse());
				}),
				named("CSRF token (HttpSessionCsrfTokenRepository)", (request) -> {
					HttpSessionCsrfTokenRepository tokens = new HttpSessionCsrfTokenRepository();
					tokens.saveToken(tokens.generateToken(request), request, new MockHttpServletResponse());
				}),
				named("failed login: bad credentials", (request) -> saveFailure(request, () -> formLogin(request,
						"demo", "wrong"))),
				named("failed login: locked account", (request) -> saveFailure(request, () -> formLogin(request,
						"locked", "secret"))),
				named("failed login: disabled account", (request) -> saveFailure(request, () -> formLogin(request,
						"disabled", "secret"))),
				named("failed login: expired account", (request) -> saveFailure(request, () -> formLogin(request,
						"expired", "secret"))),
				named("failed login: expired credentials", (request) -> saveFailure(request,
						() -> formLogin(request, "stale", "secret"))));
	}

	static Stream<Arguments> springSecurityOAuth2() {
		ClientRegistration google = google();
		return Stream.of(
				named("OAuth2 authorization request (DefaultOAuth2AuthorizationRequestResolver, PKCE, OIDC nonce)",
						(request) -> {
							DefaultOAuth2AuthorizationRequestResolver resolver = new DefaultOAuth2AuthorizationRequestResolver(
									new InMemoryClientRegistrationRepository(google), "/oauth2/authorization");
							resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
							MockHttpServletRequest login = new MockHttpServletRequest("GET",
									"/oauth2/authorization/google");
							login.setSession(request.getSession());
							OAuth2AuthorizationRequest authorizationRequest = resolver.resolve(login);
							assertThat(authorizationRequest).isNotNull();
							new HttpSessionOAuth2AuthorizationRequestRepository()
								.saveAuthorizationRequest(authorizationRequest, login, new MockHttpServletResponse());
						}),
				named("OAuth2 authorized clients (HttpSessionOAuth2AuthorizedClientRepository)", (request) -> {
					Instant issuedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
					OAuth2AuthorizedClient client = new OAuth2AuthorizedClient(google, "demo",
							new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "access-token", issuedAt,
									issuedAt.plusSeconds(3600), Set.of("openid", "profile")),
							new OAuth2RefreshToken("refresh-token", issuedAt));
					new HttpSessionOAuth2AuthorizedClientRepository().saveAuthorizedClient(client,
							new UsernamePasswordAuthenticationToken("demo", null), request,
							new MockHttpServletResponse());
				}),
				named("OIDC login (OAuth2AuthenticationToken, DefaultOidcUser)", (request) -> {
					Instant issuedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
					OidcIdToken idToken = new OidcIdToken("id-token", issuedAt, issuedAt.plusSeconds(3600),
							Map.of(IdTokenClaimNames.SUB, "1234", IdTokenClaimNames.ISS, "https://accounts.google.com",
									"email", "demo@example.com"));
					OidcUserInfo userInfo = new OidcUserInfo(Map.of(IdTokenClaimNames.SUB, "1234", "name", "Demo"));
					Set<GrantedAuthority> authorities = new LinkedHashSet<>(List.of(new OidcUserAuthority(idToken,
							userInfo), new SimpleGrantedAuthority("SCOPE_openid")));
					OAuth2AuthenticationToken login = new OAuth2AuthenticationToken(
							new DefaultOidcUser(authorities, idToken, userInfo), authorities, "google");
					login.setDetails(new WebAuthenticationDetailsSource().buildDetails(request));
					saveLogin(request, login);
				}),
				named("OAuth2 login (OAuth2AuthenticationToken, DefaultOAuth2User)", (request) -> {
					Map<String, Object> attributes = Map.of("id", 583231, "login", "octocat", "name",
							"The Octocat");
					Set<GrantedAuthority> authorities = Set.of(new OAuth2UserAuthority(attributes, "login"));
					saveLogin(request, new OAuth2AuthenticationToken(
							new DefaultOAuth2User(authorities, attributes, "login"), authorities, "github"));
				}),
				named("failed OAuth2 login (OAuth2AuthenticationException)", (request) -> saveFailure(request, () -> {
					throw new OAuth2AuthenticationException(
							new OAuth2Error("invalid_token_response", "The token endpoint refused", null));
				})));
	}

	static Stream<Arguments> springSession() {
		return Stream.of(named("expired by concurrency control (SpringSessionBackedSessionInformation)",
				(request) -> request.getSession()
					.setAttribute("org.springframework.session.security.SpringSessionBackedSessionInformation.EXPIRED",
							Boolean.TRUE)));
	}

	static Stream<Arguments> jdkValues() {
		Map<String, Object> scalars = new LinkedHashMap<>();
		scalars.put("string", "text");
		scalars.put("boolean", true);
		scalars.put("int", 42);
		scalars.put("long", 42L);
		scalars.put("short", (short) 42);
		scalars.put("byte", (byte) 42);
		scalars.put("float", 4.2f);
		scalars.put("double", 4.2d);
		scalars.put("char", 'x');
		scalars.put("bigDecimal", new BigDecimal("1234.5600"));
		scalars.put("bigInteger", new BigInteger("123456789012345678901234567890"));
		scalars.put("locale", Locale.forLanguageTag("pt-BR"));
		scalars.put("timeZone", TimeZone.getTimeZone("America/Sao_Paulo"));
		scalars.put("zoneRegion", ZoneId.of("Asia/Tokyo"));
		scalars.put("currency", Currency.getInstance("EUR"));
		scalars.put("uuid", UUID.randomUUID());
		scalars.put("uri", URI.create("https://example.com/a?b=c"));
		scalars.put("date", new Date(1767225600123L));
		Map<String, Object> time = new LinkedHashMap<>();
		time.put("instant", Instant.parse("2026-01-02T03:04:05.123456789Z"));
		time.put("localDate", LocalDate.of(2026, 1, 2));
		time.put("localTime", LocalTime.of(3, 4, 5, 123456789));
		time.put("localDateTime", LocalDateTime.of(2026, 1, 2, 3, 4, 5, 123456789));
		time.put("offsetDateTime", OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHours(2)));
		time.put("offsetTime", OffsetTime.of(3, 4, 5, 0, ZoneOffset.ofHours(-5)));
		time.put("zonedDateTime", ZonedDateTime.of(2026, 7, 2, 3, 4, 5, 0, ZoneId.of("Europe/Paris")));
		time.put("zoneOffset", ZoneOffset.ofHoursMinutes(5, 30));
		time.put("duration", Duration.ofMinutes(90).plusNanos(5));
		time.put("period", Period.of(1, 2, 3));
		time.put("year", Year.of(2026));
		time.put("yearMonth", YearMonth.of(2026, 1));
		time.put("monthDay", MonthDay.of(2, 29));
		time.put("dayOfWeek", DayOfWeek.FRIDAY);
		time.put("month", Month.MARCH);
		Map<String, Object> containers = new LinkedHashMap<>();
		containers.put("arrayList", new ArrayList<>(List.of(1L, "two", Locale.FRANCE)));
		containers.put("linkedList", new LinkedList<>(List.of(UUID.randomUUID())));
		containers.put("hashSet", new HashSet<>(Set.of("a", "b")));
		containers.put("linkedHashSet", new LinkedHashSet<>(List.of(Currency.getInstance("JPY"))));
		containers.put("treeSet", new TreeSet<>(Set.of("b", "a")));
		containers.put("hashMap", new HashMap<>(Map.of("due", LocalDate.of(2026, 1, 2))));
		containers.put("linkedHashMap", new LinkedHashMap<>(Map.of("count", 3L)));
		containers.put("treeMap", new TreeMap<>(Map.of("b", 2, "a", 1)));
		containers.put("concurrentHashMap", new ConcurrentHashMap<>(Map.of("zone", ZoneId.of("UTC"))));
		containers.put("listOf", List.of("a", "b", "c"));
		containers.put("setOf", Set.of(1, 2));
		containers.put("mapOf", Map.of("a", Locale.ITALY));
		containers.put("emptyList", Collections.emptyList());
		containers.put("unmodifiableList", Collections.unmodifiableList(new ArrayList<>(List.of("x"))));
		containers.put("arraysAsList", Arrays.asList("x", "y"));
		containers.put("nested", new ArrayList<>(List.of(Map.of("when", Instant.EPOCH), List.of(1L, 2L))));
		containers.put("stringArray", new String[] { "a", "b" });
		containers.put("intArray", new int[] { 1, 2 });
		containers.put("longArray", new long[] { 1L, 2L });
		containers.put("localeArray", new Locale[] { Locale.US, Locale.JAPAN });
		containers.put("objectArray", new Object[] { 1L, "two", LocalDate.of(2026, 1, 2) });
		return Stream.of(Arguments.of(Named.of("JDK scalar values", scalars)),
				Arguments.of(Named.of("java.time values", time)),
				Arguments.of(Named.of("JDK collections, maps and arrays", containers)));
	}

	static Stream<Arguments> applicationValues() {
		Map<String, Object> values = new LinkedHashMap<>();
		CartLine line = new CartLine("sku-1", 2, new BigDecimal("9.95"), Size.LARGE, Locale.UK);
		values.put("enum", Size.SMALL);
		values.put("record", line);
		values.put("recordArray", new CartLine[] { line });
		values.put("recordList", new ArrayList<>(List.of(line, line)));
		values.put("enumSet", EnumSet.of(Size.SMALL, Size.LARGE));
		values.put("enumMap", new EnumMap<>(Map.of(Size.SMALL, 1L)));
		values.put("mapOfRecords", new HashMap<>(Map.of("first", line)));
		return Stream.of(Arguments.of(Named.of("the application's enums, records and their containers", values)));
	}

	private static void assertSameTypeAndValue(String name, Object read, Object written) {
		assertSameType(name, read, written);
		if (written instanceof AuthenticationException) {
			assertThat(((Throwable) read).getMessage()).as(name).isEqualTo(((Throwable) written).getMessage());
		}
		else if (written.getClass().isArray()) {
			assertThat(read).as(name).isEqualTo(written);
		}
		else {
			assertThat(read).as(name).usingRecursiveComparison().isEqualTo(written);
		}
		if (written instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof FlashMap) {
			assertThat(read).as(name).isEqualTo(written); // FlashMap's equals compares its target request
			assertThat(read).as(name + " expiration")
				.asInstanceOf(InstanceOfAssertFactories.list(FlashMap.class))
				.extracting(FlashMap::getExpirationTime)
				.containsExactlyElementsOf(list.stream().map((flash) -> ((FlashMap) flash).getExpirationTime()).toList());
		}
	}

	/**
	 * The same class; for the JDK's hidden implementations of a list, set or map ({@code List.of},
	 * {@code Arrays.asList}), which an application cannot name in a cast, the same interface.
	 */
	private static void assertSameType(String name, Object read, Object written) {
		if (Modifier.isPublic(written.getClass().getModifiers()) || !written.getClass().getName().startsWith("java.util.")
				|| written.getClass().isArray()) {
			assertThat(read).as(name).isExactlyInstanceOf(written.getClass());
		}
		else {
			Class<?> collection = (written instanceof List) ? List.class : (written instanceof Set) ? Set.class
					: Map.class;
			assertThat(read).as(name).isInstanceOf(collection);
		}
	}

	private static Arguments named(String name, Consumer<MockHttpServletRequest> spring) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/");
		spring.accept(request);
		HttpSession session = request.getSession();
		Map<String, Object> attributes = new LinkedHashMap<>();
		Collections.list(session.getAttributeNames()).forEach((attribute) -> attributes.put(attribute,
				session.getAttribute(attribute)));
		return Arguments.of(Named.of(name, attributes));
	}

	private static void saveLogin(MockHttpServletRequest request, Authentication login) {
		SecurityContext context = new SecurityContextImpl(login);
		new HttpSessionSecurityContextRepository().saveContext(context, request, new MockHttpServletResponse());
	}

	private static void saveFailure(MockHttpServletRequest request, Runnable login) {
		try {
			login.run();
		}
		catch (AuthenticationException ex) {
			try {
				new SimpleUrlAuthenticationFailureHandler("/login?error").onAuthenticationFailure(request,
						new MockHttpServletResponse(), ex);
			}
			catch (Exception failure) {
				throw new IllegalStateException(failure);
			}
			return;
		}
		throw new IllegalStateException("The login did not fail");
	}

	private static Authentication formLogin(MockHttpServletRequest request, String username, String password) {
		UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated(username,
				password);
		attempt.setDetails(new WebAuthenticationDetailsSource().buildDetails(request));
		return new ProviderManager(new DaoAuthenticationProvider(users())).authenticate(attempt);
	}

	private static InMemoryUserDetailsManager users() {
		return new InMemoryUserDetailsManager(user("demo"), user("admin"),
				User.withUserDetails(user("locked")).accountLocked(true).build(),
				User.withUserDetails(user("disabled")).disabled(true).build(),
				User.withUserDetails(user("expired")).accountExpired(true).build(),
				User.withUserDetails(user("stale")).credentialsExpired(true).build());
	}

	private static UserDetails user(String username) {
		return User.withUsername(username).password("{noop}secret").roles("USER").build();
	}

	private static ClientRegistration google() {
		return ClientRegistration.withRegistrationId("google")
			.clientId("client-id")
			.clientSecret("client-secret")
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
			.scope("openid", "profile", "email")
			.authorizationUri("https://accounts.google.com/o/oauth2/v2/auth")
			.tokenUri("https://www.googleapis.com/oauth2/v4/token")
			.jwkSetUri("https://www.googleapis.com/oauth2/v3/certs")
			.issuerUri("https://accounts.google.com")
			.userInfoUri("https://www.googleapis.com/oauth2/v3/userinfo")
			.userNameAttributeName(IdTokenClaimNames.SUB)
			.clientName("Google")
			.build();
	}

	/**
	 * An enum of the application's.
	 */
	enum Size {

		SMALL, LARGE

	}

	/**
	 * A record of the application's.
	 */
	record CartLine(String sku, int quantity, BigDecimal price, Size size, Locale locale) {

	}

}
