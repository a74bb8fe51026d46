package dev.scaleout.forwarded;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * Forwarded headers in a WebFlux app on Reactor Netty; a servlet app on Tomcat uses Tomcat's own
 * server.tomcat.remoteip.* settings instead.
 *
 * @param internalProxies Addresses, as CIDR ranges, whose X-Forwarded-* headers a WebFlux app on Reactor Netty
 * honours; a request from any other address has them removed. Spring Boot's default for Tomcat: loopback, the
 * private, link-local and carrier-grade NAT ranges.
 */
@ConfigurationProperties("scaleout.forwarded")
public record ForwardedProperties(@DefaultValue({ "192.168.0.0/16", "172.16.0.0/12", "169.254.0.0/16", "fc00::/7",
		"10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "fe80::/10", "::1/128" }) List<String> internalProxies) {

	public ForwardedProperties {
		for (String range : internalProxies) {
			if (!TrustedProxiesForwardedHeaderTransformer.isRange(range)) {
				throw new InvalidConfigurationPropertyValueException("scaleout.forwarded.internal-proxies", range,
						"Internal proxies are CIDR ranges of IP addresses, such as 10.0.0.0/8 or ::1/128.");
			}
		}
		internalProxies = List.copyOf(internalProxies);
	}

}
