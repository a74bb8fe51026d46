package dev.scaleout.gateway;

import java.util.ArrayList;
import java.util.List;

import dev.scaleout.test.http.LoopbackBackend;

/**
 * A few {@link LoopbackBackend}s started and closed together.
 */
public final class Backends implements AutoCloseable {

	private final List<LoopbackBackend> backends = new ArrayList<>();

	/**
	 * Starts backends named {@code replica-1} to {@code replica-n}.
	 * @param count how many
	 * @return the backends
	 */
	public static Backends start(int count) {
		Backends backends = new Backends();
		for (int i = 1; i <= count; i++) {
			backends.backends.add(LoopbackBackend.start("replica-" + i));
		}
		return backends;
	}

	/**
	 * The n-th backend, from 0.
	 * @param index the index
	 * @return the backend
	 */
	public LoopbackBackend get(int index) {
		return this.backends.get(index);
	}

	/**
	 * All backends.
	 * @return the list
	 */
	public List<LoopbackBackend> all() {
		return List.copyOf(this.backends);
	}

	@Override
	public void close() {
		this.backends.forEach(LoopbackBackend::close);
	}

}
