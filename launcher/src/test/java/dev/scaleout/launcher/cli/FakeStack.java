package dev.scaleout.launcher.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import dev.scaleout.launcher.control.ControlledStack;

/**
 * A stack that only answers the control endpoint: a status table that counts its calls,
 * and the replicas' addresses it was given.
 */
final class FakeStack implements ControlledStack {

	private final Map<String, String> addresses = new LinkedHashMap<>();

	private final AtomicInteger statusCalls = new AtomicInteger();

	FakeStack replica(String name, String address) {
		this.addresses.put(name, address);
		return this;
	}

	@Override
	public String status() {
		return "NAME  STATE\nreplica-1  READY  (status call " + this.statusCalls.incrementAndGet() + ")\n";
	}

	@Override
	public String reload() {
		return "";
	}

	@Override
	public Map<String, String> replicaAddresses() {
		return this.addresses;
	}

	@Override
	public void stopInBackground() {
	}

}
