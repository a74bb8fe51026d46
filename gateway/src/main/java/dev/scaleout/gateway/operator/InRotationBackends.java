package dev.scaleout.gateway.operator;

import java.util.List;

import dev.scaleout.gateway.discovery.AvailableBackends;
import dev.scaleout.gateway.discovery.Backend;

/**
 * Leaves out the backends an operator drained or put in maintenance. It comes before
 * health and ejection in the chain, so that no panic mode ever sends them traffic.
 */
public final class InRotationBackends implements AvailableBackends {

	private final AvailableBackends delegate;

	private final OperatorControl control;

	/**
	 * Decorates a list of backends.
	 * @param delegate the discovered backends
	 * @param control the operator's settings
	 */
	public InRotationBackends(AvailableBackends delegate, OperatorControl control) {
		this.delegate = delegate;
		this.control = control;
	}

	@Override
	public List<Backend> current() {
		return AvailableBackends.keep(this.delegate.current(), this.control::inRotation);
	}

}
