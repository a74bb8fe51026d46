package dev.scaleout.gateway.health;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import io.netty.channel.ChannelOption;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.context.SmartLifecycle;

import dev.scaleout.gateway.discovery.Backend;
import dev.scaleout.gateway.discovery.BackendPool;

/**
 * Probes every backend's readiness path each interval, on its own connection pool so
 * probes never queue behind proxied traffic, and feeds {@link BackendHealth}.
 */
final class ActiveHealthChecker implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(ActiveHealthChecker.class);

	private final BackendPool pool;

	private final BackendHealth health;

	private final HealthCheckProperties properties;

	private final List<BackendHealthListener> listeners;

	private final Predicate<Backend> probed;

	private final ConnectionProvider connections;

	private final HttpClient client;

	private volatile Disposable probing;

	ActiveHealthChecker(BackendPool pool, BackendHealth health, HealthCheckProperties properties,
			List<BackendHealthListener> listeners, Predicate<Backend> probed) {
		this.pool = pool;
		this.probed = probed;
		this.listeners = List.copyOf(listeners);
		this.health = health;
		this.properties = properties;
		this.connections = ConnectionProvider.builder("scaleout-health")
			.maxConnections(64)
			.maxIdleTime(properties.interval().multipliedBy(2).plusSeconds(1))
			.build();
		int timeoutMillis = (int) Math.min(Integer.MAX_VALUE, properties.timeout().toMillis());
		this.client = HttpClient.create(this.connections)
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Math.max(1, timeoutMillis))
			.responseTimeout(properties.timeout());
	}

	@Override
	public void start() {
		this.probing = Flux.interval(Duration.ZERO, this.properties.interval())
			.onBackpressureDrop()
			.concatMap((tick) -> probeAll())
			.subscribe();
	}

	Mono<Void> probeAll() {
		return Flux.fromIterable(this.pool.backends()).filter(this.probed).flatMap(this::probe).then();
	}

	private Mono<Void> probe(Backend backend) {
		return this.client.get()
			.uri(backend.getUri() + this.properties.path())
			.response((response, body) -> body.then(Mono.just(response.status().code())))
			.next()
			.map((status) -> status >= 200 && status < 300)
			.timeout(this.properties.timeout())
			.onErrorReturn(false)
			.doOnNext((healthy) -> record(backend, healthy))
			.then();
	}

	private void record(Backend backend, boolean healthy) {
		if (this.health.record(backend, healthy)) {
			if (healthy) {
				logger.info("Backend " + backend + " is UP: passed " + this.properties.rise() + " health check(s) of "
						+ this.properties.path());
			}
			else {
				logger.warn("Backend " + backend + " is DOWN: failed " + this.properties.fall()
						+ " health check(s) of " + this.properties.path());
			}
			this.listeners.forEach((listener) -> listener.onHealthChange(backend, healthy));
		}
	}

	@Override
	public void stop() {
		Disposable probing = this.probing;
		if (probing != null) {
			probing.dispose();
			this.probing = null;
		}
		this.connections.dispose();
	}

	@Override
	public boolean isRunning() {
		return this.probing != null;
	}

}
