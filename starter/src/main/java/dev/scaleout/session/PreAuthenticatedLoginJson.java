package dev.scaleout.session;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.module.SimpleModule;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;

/**
 * Reads a {@link PreAuthenticatedAuthenticationToken} back whole. Spring Security 7.0's own deserializer sets the
 * token's details to a JSON tree instead of reading them (a {@code WebAuthenticationDetails} comes back as an
 * {@code ObjectNode}, no details as a {@code NullNode}), and fails on credentials that are not text
 * (spring-security#18225). This one reads the details as a typed value and keeps credentials only when they are
 * text: after a login they are erased, or a certificate no other replica needs.
 * <p>
 * Referenced only when {@code spring-security-web} is present; added after Spring Security's modules, whose mixin
 * for the type it replaces.
 */
final class PreAuthenticatedLoginJson {

	private PreAuthenticatedLoginJson() {
	}

	static JacksonModule module() {
		return new SimpleModule("scaleout-pre-authenticated-login")
			.setMixInAnnotation(PreAuthenticatedAuthenticationToken.class, Mixin.class);
	}

	@JsonTypeInfo(use = JsonTypeInfo.Id.CLASS)
	@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
			isGetterVisibility = Visibility.NONE)
	@JsonDeserialize(using = Reader.class)
	abstract static class Mixin {

	}

	static final class Reader extends ValueDeserializer<PreAuthenticatedAuthenticationToken> {

		private static final TypeReference<List<GrantedAuthority>> AUTHORITIES = new TypeReference<>() {
		};

		@Override
		public PreAuthenticatedAuthenticationToken deserialize(JsonParser parser, DeserializationContext context)
				throws JacksonException {
			JsonNode token = context.readTree(parser);
			JsonNode principalNode = token.path("principal");
			Object principal = principalNode.isObject() ? context.readTreeAsValue(principalNode, Object.class)
					: principalNode.asString();
			Object credentials = token.path("credentials").isString() ? token.path("credentials").asString() : null;
			PreAuthenticatedAuthenticationToken read;
			if (token.path("authenticated").asBoolean()) {
				List<GrantedAuthority> authorities = context.readTreeAsValue(token.path("authorities"),
						context.getTypeFactory().constructType(AUTHORITIES));
				read = new PreAuthenticatedAuthenticationToken(principal, credentials, authorities);
			}
			else {
				read = new PreAuthenticatedAuthenticationToken(principal, credentials);
			}
			JsonNode details = token.path("details");
			if (!details.isNull() && !details.isMissingNode()) {
				read.setDetails(context.readTreeAsValue(details, Object.class));
			}
			return read;
		}

	}

}
