package dev.scaleout.gateway.discovery;

import java.time.Duration;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.context.SmartLifecycle;

/**
 * A pool that looks its backends up again at a fixed interval, off the event loop, while the application runs.
 */
abstract class RefreshingBackendPool implements BackendPool, SmartLifecycle {

	private final Duration refreshInterval;

	private volatile Disposable refreshing;

	RefreshingBackendPool(Duration refreshInterval) {
		this.refreshInterval = refreshInterval;
	}

	/**
	 * Looks the backends up again; blocking is allowed. A failed lookup keeps the last known pool.
	 */
	abstract void refresh();

	@Override
	public void start() {
		this.refreshing = Flux.interval(this.refreshInterval)
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

}
