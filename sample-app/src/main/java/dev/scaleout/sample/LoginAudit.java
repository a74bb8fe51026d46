package dev.scaleout.sample;

import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * One log line per failed login, from Spring Security's authentication events, and the count the
 * {@link LoginThrottle} keeps of them.
 */
final class LoginAudit {

	private static final Log logger = LogFactory.getLog(LoginAudit.class);

	private final LoginThrottle throttle;

	LoginAudit(LoginThrottle throttle) {
		this.throttle = throttle;
	}

	@EventListener
	void failed(AbstractAuthenticationFailureEvent event) {
		String user = event.getAuthentication().getName();
		String address = addressOf(event.getAuthentication().getDetails());
		Duration lockout = this.throttle.failed(user, address);
		String locked = lockout.isZero() ? "" : "; further logins locked out for " + LoginAudit.seconds(lockout) + " s";
		logger.info(line(user, address, event.getException().getMessage() + locked));
	}

	@EventListener
	void succeeded(AuthenticationSuccessEvent event) {
		this.throttle.succeeded(event.getAuthentication().getName());
	}

	/**
	 * The line for a login refused because its user name or address is locked out.
	 */
	static void lockedOut(@Nullable String user, String address, Duration left) {
		logger.info(line((user != null) ? user : "", address, "locked out, " + seconds(left) + " s left"));
	}

	private static String line(String user, String address, String why) {
		return "Failed login for user '" + printable(user) + "' from " + address + ": " + why;
	}

	static long seconds(Duration duration) {
		return Math.max(1, (duration.toMillis() + 999) / 1000);
	}

	private static String addressOf(@Nullable Object details) {
		return (details instanceof WebAuthenticationDetails web && web.getRemoteAddress() != null)
				? web.getRemoteAddress() : "an unknown address";
	}

	/**
	 * The user name as typed, without the line breaks and control characters that would forge log lines.
	 */
	private static String printable(String user) {
		String shown = (user.length() > 100) ? user.substring(0, 100) + "…" : user;
		return shown.codePoints()
			.map((c) -> Character.isISOControl(c) ? '?' : c)
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
			.toString();
	}

}
