package dev.scaleout.gateway.balancing;

import java.util.HashSet;
import java.util.Set;

import org.springframework.web.server.ServerWebExchange;

import dev.scaleout.gateway.discovery.Backend;

/**
 * The backends a request has already been sent to, kept in an exchange attribute so that
 * a retry goes to a different backend.
 */
public final class TriedBackends {

	/** Exchange attribute holding the set of tried backends. */
	public static final String ATTRIBUTE = TriedBackends.class.getName();

	private TriedBackends() {
	}

	/**
	 * The tried backends of an exchange, created on first use.
	 * @param exchange the exchange
	 * @return the mutable set
	 */
	@SuppressWarnings("unchecked")
	public static Set<Backend> of(ServerWebExchange exchange) {
		return (Set<Backend>) exchange.getAttributes().computeIfAbsent(ATTRIBUTE, (key) -> new HashSet<>());
	}

	/**
	 * The tried backends of an exchange, without creating the set for a first attempt.
	 * @param exchange the exchange
	 * @return the set, empty if no backend was tried yet
	 */
	@SuppressWarnings("unchecked")
	static Set<Backend> sofar(ServerWebExchange exchange) {
		Set<Backend> tried = (Set<Backend>) exchange.getAttributes().get(ATTRIBUTE);
		return (tried != null) ? tried : Set.of();
	}

}
