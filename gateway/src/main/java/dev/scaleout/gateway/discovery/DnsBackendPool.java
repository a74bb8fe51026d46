package dev.scaleout.gateway.discovery;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Objects;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.context.SmartLifecycle;

/**
 * The replicas behind one host name: every A record, resolved again every refresh
 * interval. When a resolution fails the last known pool is kept, because a DNS hiccup is
 * not a reason to drop every replica.
 */
final class DnsBackendPool implements BackendPool, SmartLifecycle {

	private static final Log logger = LogFactory.getLog(DnsBackendPool.class);

	private final DiscoveryProperties.Dns dns;

	private final HostResolver resolver;

	private volatile List<Backend> backends = List.of();

	private volatile Disposable refreshing;

	DnsBackendPool(DiscoveryProperties.Dns dns, HostResolver resolver) {
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
				this.backends = resolved;
			}
		}
		catch (UnknownHostException ex) {
			logger.warn("DNS " + this.dns.host() + " did not resolve (" + ex.getMessage() + "); keeping "
					+ this.backends.size() + " known backend(s)");
		}
	}

	@Override
	public void start() {
		this.refreshing = Flux.interval(this.dns.refreshInterval())
			.onBackpressureDrop()
			.concatMap((tick) -> Mono.fromRunnable(this::refresh).subscribeOn(Schedulers.boundedElastic()))
			.subscribe();
	}

	@Override
	public void stop() {
		Disposable refreshing = this.refreshing;
		if (refreshing != null) {
			refreshing.dispose();
			this.refreshing = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.refreshing != null;
	}

	@Override
	public String toString() {
		return "DNS " + Objects.toString(this.dns.host()) + ":" + this.dns.port();
	}

}
