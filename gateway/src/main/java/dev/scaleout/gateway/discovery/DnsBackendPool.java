package dev.scaleout.gateway.discovery;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Objects;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The replicas behind one host name: every A record, resolved again every refresh
 * interval. When a resolution fails the last known pool is kept, because a DNS hiccup is
 * not a reason to drop every replica.
 */
final class DnsBackendPool extends RefreshingBackendPool {

	private static final Log logger = LogFactory.getLog(DnsBackendPool.class);

	private final DiscoveryProperties.Dns dns;

	private final HostResolver resolver;

	private volatile List<Backend> backends = List.of();

	DnsBackendPool(DiscoveryProperties.Dns dns, HostResolver resolver) {
		super(dns.refreshInterval());
		this.dns = dns;
		this.resolver = resolver;
		refresh();
	}

	@Override
	public List<Backend> backends() {
		return this.backends;
	}

	/**
	 * Resolves the host name now and replaces the pool with the answer.
	 */
	@Override
	void refresh() {
		try {
			List<Backend> resolved = this.resolver.resolve(this.dns.host())
				.stream()
				.filter(Inet4Address.class::isInstance)
				.map(InetAddress::getHostAddress)
				.distinct()
				.sorted()
				.map((address) -> new Backend(URI.create(this.dns.scheme() + "://" + address + ":" + this.dns.port()), 1))
				.toList();
			if (!resolved.equals(this.backends)) {
				logger.info("DNS " + this.dns.host() + " now resolves to " + resolved.size() + " backend(s): "
						+ resolved);
				List<Backend> previous = this.backends;
				this.backends = resolved;
				changed(previous, resolved);
			}
		}
		catch (UnknownHostException ex) {
			logger.warn("DNS " + this.dns.host() + " did not resolve (" + ex.getMessage() + "); keeping "
					+ this.backends.size() + " known backend(s)");
		}
	}

	@Override
	public String toString() {
		return "DNS " + Objects.toString(this.dns.host()) + ":" + this.dns.port();
	}

}
