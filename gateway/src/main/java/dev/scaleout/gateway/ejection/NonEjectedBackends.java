package dev.scaleout.gateway.ejection;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.scaleout.gateway.discovery.AvailableBackends;
import dev.scaleout.gateway.discovery.Backend;
import dev.scaleout.gateway.discovery.BackendPool;

/**
 * Drops the backends that the {@link OutlierEjector} has ejected, unless too few would be
 * left: below the panic threshold (a percentage of the whole pool, Envoy's
 * {@code healthy_panic_threshold}) ejection is ignored and every backend the delegate
 * supplies (every one that is not DOWN) receives traffic, rather than the gateway answering
 * 503 or piling the whole load on the last few.
 */
public final class NonEjectedBackends implements AvailableBackends {

	private static final Log logger = LogFactory.getLog(NonEjectedBackends.class);

	private final AvailableBackends delegate;

	private final OutlierEjector ejector;

	private final BackendPool pool;

	private final int panicThreshold;

	private final AtomicBoolean panic = new AtomicBoolean();

	/**
	 * Decorates a list of backends.
	 * @param delegate the candidate backends, those that are not DOWN
	 * @param ejector the ejector
	 * @param pool the whole pool, which the panic threshold is a share of
	 * @param panicThreshold the percentage of the pool below which ejection is ignored; 0
	 * never ignores it
	 */
	public NonEjectedBackends(AvailableBackends delegate, OutlierEjector ejector, BackendPool pool, int panicThreshold) {
		this.delegate = delegate;
		this.ejector = ejector;
		this.pool = pool;
		this.panicThreshold = panicThreshold;
	}

	@Override
	public List<Backend> current() {
		List<Backend> backends = this.delegate.current();
		List<Backend> kept = AvailableBackends.keep(backends, (backend) -> !this.ejector.isEjected(backend));
		if (kept == backends) {
			panic(false, kept.size());
			return kept;
		}
		boolean panic = (long) kept.size() * 100 < (long) this.panicThreshold * this.pool.backends().size();
		panic(panic, kept.size());
		return panic ? backends : kept;
	}

	private void panic(boolean panic, int available) {
		// read first: a compare-and-set on every request would contend for nothing
		if (this.panic.get() != panic && this.panic.compareAndSet(!panic, panic)) {
			if (panic) {
				logger.warn("Only " + available + " of " + this.pool.backends().size() + " backends are available, "
						+ "below scaleout.gateway.ejection.panic-threshold=" + this.panicThreshold
						+ "%: ejected backends that are not DOWN receive traffic again");
			}
			else {
				logger.info("Enough backends are available again: ejected backends receive no traffic");
			}
		}
	}

}
