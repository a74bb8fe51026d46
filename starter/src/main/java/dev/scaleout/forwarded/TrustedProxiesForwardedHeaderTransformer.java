package dev.scaleout.forwarded;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;

import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.adapter.ForwardedHeaderTransformer;

/**
 * Spring's {@link ForwardedHeaderTransformer} for a WebFlux app, trusting only the proxies Tomcat's
 * {@code RemoteIpValve} trusts by default: a request from one of the internal proxies gets the client's scheme,
 * host, port and address from its {@code Forwarded} and {@code X-Forwarded-*} headers; any other request has those
 * headers removed, so that a client talking to a replica directly cannot forge them. Spring's transformer alone, like
 * Reactor Netty's native support, trusts every client.
 */
final class TrustedProxiesForwardedHeaderTransformer extends ForwardedHeaderTransformer {

	private final List<IpSubnetFilterRule> internalProxies;

	private final ForwardedHeaderTransformer remover = new ForwardedHeaderTransformer();

	TrustedProxiesForwardedHeaderTransformer(List<String> internalProxies) {
		this.internalProxies = internalProxies.stream().map(TrustedProxiesForwardedHeaderTransformer::rule).toList();
		this.remover.setRemoveOnly(true);
	}

	@Override
	public ServerHttpRequest apply(ServerHttpRequest request) {
		InetSocketAddress remote = request.getRemoteAddress();
		boolean trusted = remote != null && remote.getAddress() != null
				&& this.internalProxies.stream().anyMatch((proxy) -> proxy.matches(remote));
		return trusted ? super.apply(request) : this.remover.apply(request);
	}

	/**
	 * Whether a setting is a CIDR range of IP addresses (a literal address, never a host name to look up).
	 */
	static boolean isRange(String range) {
		try {
			rule(range);
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static IpSubnetFilterRule rule(String range) {
		int slash = range.indexOf('/');
		if (slash < 1) {
			throw new IllegalArgumentException("Not a CIDR range: " + range);
		}
		String address = range.substring(0, slash).trim();
		if (!address.contains(":") && !address.matches("[0-9.]+")) {
			throw new IllegalArgumentException("Not an IP address: " + address);
		}
		try {
			InetAddress.getByName(address);
			return new IpSubnetFilterRule(address, Integer.parseInt(range.substring(slash + 1).trim()),
					IpFilterRuleType.ACCEPT);
		}
		catch (UnknownHostException | RuntimeException ex) {
			throw new IllegalArgumentException("Not a CIDR range: " + range, ex);
		}
	}

}
