package dev.scaleout.forwarded;

import dev.scaleout.report.ReplicationCheck;
import dev.scaleout.report.ReplicationReport;
import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;

/**
 * Reports which proxies a replica takes {@code X-Forwarded-*} headers from.
 */
class ForwardedHeadersCheck implements ReplicationCheck {

	private final String internalProxies;

	private final String property;

	private final @Nullable String trustedProxies;

	/**
	 * @param internalProxies the proxies whose headers are honoured
	 * @param property the property that lists them
	 * @param trustedProxies the proxies further up the chain, when the server knows any
	 */
	ForwardedHeadersCheck(String internalProxies, String property, @Nullable String trustedProxies) {
		this.internalProxies = internalProxies;
		this.property = property;
		this.trustedProxies = trustedProxies;
	}

	@Override
	public void inspect(ReplicationReport.Builder report) {
		report.setUp(describe());
	}

	String describe() {
		String line = "Forwarded headers (X-Forwarded-For, -Proto, -Host, -Port) honoured from trusted proxies only: "
				+ this.internalProxies + " (" + this.property + ")";
		return StringUtils.hasText(this.trustedProxies)
				? line + ", and " + this.trustedProxies + " further up the chain" : line;
	}

}
