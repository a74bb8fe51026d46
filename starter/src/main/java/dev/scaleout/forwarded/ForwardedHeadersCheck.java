package dev.scaleout.forwarded;

import dev.scaleout.report.ReplicationCheck;
import dev.scaleout.report.ReplicationReport;

import org.springframework.boot.tomcat.autoconfigure.TomcatServerProperties;
import org.springframework.util.StringUtils;

/**
 * Reports which proxies a replica takes {@code X-Forwarded-*} headers from.
 */
class ForwardedHeadersCheck implements ReplicationCheck {

	private final TomcatServerProperties.Remoteip remoteIp;

	ForwardedHeadersCheck(TomcatServerProperties.Remoteip remoteIp) {
		this.remoteIp = remoteIp;
	}

	@Override
	public void inspect(ReplicationReport.Builder report) {
		report.setUp(describe());
	}

	String describe() {
		String line = "Forwarded headers (X-Forwarded-For, -Proto, -Host, -Port) honoured from trusted proxies only: "
				+ this.remoteIp.getInternalProxies() + " (server.tomcat.remoteip.internal-proxies)";
		String trusted = this.remoteIp.getTrustedProxies();
		return StringUtils.hasText(trusted) ? line + ", and " + trusted + " further up the chain" : line;
	}

}
