package dev.scaleout.gateway.discovery;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationEventPublisherAware;
import org.springframework.context.SmartLifecycle;

/**
 * A pool that looks its backends up again at a fixed interval, off the event loop, while the application runs.
 */
abstract class RefreshingBackendPool implements BackendPool, SmartLifecycle, ApplicationEventPublisherAware {

	private @Nullable ApplicationEventPublisher publisher;

	private final Duration refreshInterval;

	private volatile Disposable refreshing;

	RefreshingBackendPool(Duration refreshInterval) {
		this.refreshInterval = refreshInterval;
	}

	@Override
	public void setApplicationEventPublisher(ApplicationEventPublisher publisher) {
		this.publisher = publisher;
	}

	/**
	 * Tells the application that the pool changed, so that state kept for backends that
	 * left is dropped.
	 * @param previous the backends before the change
	 * @param current the backends after it
	 */
	final void changed(List<Backend> previous, List<Backend> current) {
		ApplicationEventPublisher publisher = this.publisher;
		if (publisher != null) {
			publisher.publishEvent(new BackendPoolChangedEvent(this, previous, current));
		}
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
