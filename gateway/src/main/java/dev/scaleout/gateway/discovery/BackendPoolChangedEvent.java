package dev.scaleout.gateway.discovery;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.context.ApplicationEvent;

/**
 * Published when discovery replaces the pool, so that everything kept per backend (meters,
 * health, ejection records) can drop the backends that left: with DNS or file discovery
 * every reload and every pod IP change brings new addresses, and state kept for the old
 * ones would grow for ever.
 */
public final class BackendPoolChangedEvent extends ApplicationEvent {

	private final List<Backend> current;

	private final Set<Backend> retired;

	/**
	 * Creates the event.
	 * @param pool the pool that changed
	 * @param previous the backends before the change
	 * @param current the backends after it
	 */
	public BackendPoolChangedEvent(BackendPool pool, List<Backend> previous, List<Backend> current) {
		super(pool);
		this.current = List.copyOf(current);
		Set<Backend> retired = new HashSet<>(previous);
		retired.removeAll(current);
		this.retired = Set.copyOf(retired);
	}

	/**
	 * The backends in the pool now.
	 * @return the backends
	 */
	public List<Backend> current() {
		return this.current;
	}

	/**
	 * The backends that left the pool with this change.
	 * @return the backends, possibly none
	 */
	public Set<Backend> retired() {
		return this.retired;
	}

}
