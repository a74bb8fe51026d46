package dev.scaleout.sample;

import java.util.Locale;
import java.util.Map;

import dev.scaleout.instance.InstanceId;

import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * Who is logged in, answered by any replica because the security context is in the session: {@code GET /me} as
 * JSON for API clients, {@code GET /account} as a page for browsers, which an anonymous browser reaches through
 * the login form and back (the saved request).
 */
@RestController
class AccountController {

	private final InstanceId instanceId;

	private final MessageSource messages;

	AccountController(InstanceId instanceId, MessageSource messages) {
		this.instanceId = instanceId;
		this.messages = messages;
	}

	@GetMapping("/me")
	Map<String, Object> me(Authentication authentication) {
		return Map.of("user", authentication.getName(), "instance", this.instanceId.value());
	}

	@GetMapping(path = "/account", produces = MediaType.TEXT_HTML_VALUE)
	String account(Authentication authentication, Locale locale) {
		String signedIn = this.messages.getMessage("account.signed-in", new Object[] { authentication.getName() },
				locale);
		return """
				<!DOCTYPE html>
				<html lang="%s"><head><meta charset="utf-8"><title>Account</title></head>
				<body>
				<h1 id="signed-in">%s</h1>
				<p id="instance">%s</p>
				</body></html>
				""".formatted(locale.getLanguage(), HtmlUtils.htmlEscape(signedIn),
				HtmlUtils.htmlEscape(this.instanceId.value()));
	}

}
