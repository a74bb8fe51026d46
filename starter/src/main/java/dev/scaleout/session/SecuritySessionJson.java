package dev.scaleout.session;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;
import tools.jackson.databind.module.SimpleModule;

import org.springframework.beans.BeanUtils;
import org.springframework.security.authentication.ott.OneTimeTokenAuthentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.jackson.SecurityJacksonModule;
import org.springframework.security.jackson.SecurityJacksonModules;
import org.springframework.util.ClassUtils;

/**
 * Spring Security's types in the session format: Spring Security's own Jackson modules, plus what they leave out
 * although Spring Security puts it into a session — the login of a one-time token, every
 * {@code AuthenticationException} that a failed login leaves for the login page (Spring Security's modules read
 * only {@code BadCredentialsException}), and a WebAuthn login when {@code spring-security-webauthn} is present —
 * and two of their types read back whole: a pre-authenticated login ({@link PreAuthenticatedLoginJson}) and
 * {@code OAuth2UserAuthority}.
 * <p>
 * Referenced only when Spring Security is present.
 */
final class SecuritySessionJson {

	/**
	 * The module that reads a WebAuthn login back, which {@link SecurityJacksonModules#getModules(ClassLoader)} leaves
	 * out.
	 */
	private static final String WEBAUTHN_MODULE = "org.springframework.security.web.webauthn.jackson"
			+ ".WebauthnJacksonModule";

	/**
	 * What {@code SimpleUrlAuthenticationFailureHandler} may store after a failed login, besides
	 * {@code BadCredentialsException}; each is read back with its message, like Spring Security reads that one.
	 */
	static final List<String> AUTHENTICATION_EXCEPTIONS = List.of(
			"org.springframework.security.authentication.AccountExpiredException",
			"org.springframework.security.authentication.AuthenticationCredentialsNotFoundException",
			"org.springframework.security.authentication.AuthenticationServiceException",
			"org.springframework.security.authentication.CredentialsExpiredException",
			"org.springframework.security.authentication.DisabledException",
			"org.springframework.security.authentication.InsufficientAuthenticationException",
			"org.springframework.security.authentication.InternalAuthenticationServiceException",
			"org.springframework.security.authentication.LockedException",
			"org.springframework.security.authentication.ProviderNotFoundException",
			"org.springframework.security.authentication.ott.InvalidOneTimeTokenException",
			"org.springframework.security.authentication.password.CompromisedPasswordException",
			"org.springframework.security.core.userdetails.UsernameNotFoundException",
			"org.springframework.security.web.authentication.preauth.PreAuthenticatedCredentialsNotFoundException",
			"org.springframework.security.web.authentication.rememberme.CookieTheftException",
			"org.springframework.security.web.authentication.rememberme.InvalidCookieException",
			"org.springframework.security.web.authentication.rememberme.RememberMeAuthenticationException",
			"org.springframework.security.web.authentication.session.SessionAuthenticationException",
			"org.springframework.security.web.authentication.www.NonceExpiredException");

	private static final String PRE_AUTHENTICATED = "org.springframework.security.web.authentication.preauth"
			+ ".PreAuthenticatedAuthenticationToken";

	private static final String OAUTH2_USER_AUTHORITY = "org.springframework.security.oauth2.core.user"
			+ ".OAuth2UserAuthority";

	private SecuritySessionJson() {
	}

	static void addTo(JsonMapper.Builder mapper, ClassLoader classLoader,
			BasicPolymorphicTypeValidator.Builder validator) {
		SimpleModule gaps = new SimpleModule("scaleout-security-session");
		gaps.setMixInAnnotation(OneTimeTokenAuthentication.class, OneTimeTokenAuthenticationMixin.class);
		validator.allowIfSubType(OneTimeTokenAuthentication.class);
		for (String name : AUTHENTICATION_EXCEPTIONS) {
			if (ClassUtils.isPresent(name, classLoader)) {
				Class<?> exception = ClassUtils.resolveClassName(name, classLoader);
				gaps.setMixInAnnotation(exception, AuthenticationExceptionMixin.class);
				validator.allowIfSubType(exception);
			}
		}
		mapper.addModule(gaps);
		if (ClassUtils.isPresent(WEBAUTHN_MODULE, classLoader)) {
			SecurityJacksonModule webauthn = (SecurityJacksonModule) BeanUtils
				.instantiateClass(ClassUtils.resolveClassName(WEBAUTHN_MODULE, classLoader));
			webauthn.configurePolymorphicTypeValidator(validator);
			mapper.addModule(webauthn);
		}
		// Spring Security's modules switch default typing on, with the validator as built at that time.
		mapper.addModules(SecurityJacksonModules.getModules(classLoader, validator));
		// Then what replaces some of their mixins.
		if (ClassUtils.isPresent(PRE_AUTHENTICATED, classLoader)) {
			mapper.addModule(PreAuthenticatedLoginJson.module());
		}
		if (ClassUtils.isPresent(OAUTH2_USER_AUTHORITY, classLoader)) {
			mapper.addModule(new SimpleModule("scaleout-oauth2-user-authority").setMixInAnnotation(
					ClassUtils.resolveClassName(OAUTH2_USER_AUTHORITY, classLoader), OAuth2UserAuthorityMixin.class));
		}
	}

	/**
	 * Reads {@link OneTimeTokenAuthentication}, the login a one-time token leaves in the session, the way Spring
	 * Security reads its other authentication tokens.
	 */
	@JsonTypeInfo(use = JsonTypeInfo.Id.CLASS)
	@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
			isGetterVisibility = Visibility.NONE, creatorVisibility = Visibility.ANY)
	@JsonIgnoreProperties(ignoreUnknown = true)
	abstract static class OneTimeTokenAuthenticationMixin {

		@JsonCreator
		OneTimeTokenAuthenticationMixin(@JsonProperty("principal") Object principal,
				@JsonProperty("authorities") Collection<? extends GrantedAuthority> authorities) {
		}

	}

	/**
	 * Reads an {@code AuthenticationException} with its message, as Spring Security reads
	 * {@code BadCredentialsException}: the cause, the stack trace and the failed request are left out.
	 */
	@JsonTypeInfo(use = JsonTypeInfo.Id.CLASS)
	@JsonIgnoreProperties({ "cause", "stackTrace", "authenticationRequest" })
	abstract static class AuthenticationExceptionMixin {

		@JsonCreator
		AuthenticationExceptionMixin(@JsonProperty("message") String message) {
		}

	}

	/**
	 * Reads an {@code OAuth2UserAuthority} with its user name attribute, which Spring Security 7.0's mixin leaves
	 * out. Named by its parameter types only, so that {@code spring-security-oauth2-core} need not be present.
	 */
	@JsonTypeInfo(use = JsonTypeInfo.Id.CLASS)
	@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
			isGetterVisibility = Visibility.NONE)
	abstract static class OAuth2UserAuthorityMixin {

		@JsonCreator
		OAuth2UserAuthorityMixin(@JsonProperty("authority") String authority,
				@JsonProperty("attributes") Map<String, Object> attributes,
				@JsonProperty("userNameAttributeName") String userNameAttributeName) {
		}

	}

}
