package dev.scaleout.test;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.util.Assert;

/**
 * Idempotent requests sent through the gateway by a few clients at once, each with its own cookie jar, while a
 * replica is stopped, killed or restarted: {@link Replicas#stopUnderLoad(int, Load)} and its siblings.
 * <p>
 * Each client sends {@code GET} to the paths in turn, as fast as they are answered. A request fails when it gets
 * no answer or a 5xx answer. The load is bounded: it stops after {@link #DEFAULT_MAX_REQUESTS} requests or
 * {@link #DEFAULT_MAX_DURATION}, whichever comes first, unless {@link #atMost} says otherwise.
 */
public final class Load {

	/**
	 * How many clients send requests at once, unless {@link #clients(int)} says otherwise.
	 */
	public static final int DEFAULT_CLIENTS = 4;

	/**
	 * The most requests a load sends, all clients together, unless {@link #atMost} says otherwise: a guard against
	 * a runaway load, set above what four clients get through a fast replica on loopback in the
	 * {@link #DEFAULT_MAX_DURATION time bound} (20,000 was reached within a 15 s rolling restart of two WebFlux
	 * replicas once the gateway spent less per request), so that the time bound is the one a test meets.
	 */
	public static final int DEFAULT_MAX_REQUESTS = 200_000;

	/**
	 * The longest a load runs, unless {@link #atMost} says otherwise.
	 */
	public static final Duration DEFAULT_MAX_DURATION = Duration.ofSeconds(60);

	private static final Consumer<ReplicaClient> NO_PREPARATION = (client) -> {
	};

	private final List<String> paths;

	private final int clients;

	private final Consumer<ReplicaClient> preparation;

	private final int maxRequests;

	private final Duration maxDuration;

	private Load(List<String> paths, int clients, Consumer<ReplicaClient> preparation, int maxRequests,
			Duration maxDuration) {
		this.paths = List.copyOf(paths);
		this.clients = clients;
		this.preparation = preparation;
		this.maxRequests = maxRequests;
		this.maxDuration = maxDuration;
	}

	/**
	 * {@code GET} requests to the given paths, in turn.
	 * @param paths paths with their queries, e.g. {@code /cart}
	 * @return the load, with {@link #DEFAULT_CLIENTS} clients
	 */
	public static Load get(String... paths) {
		Assert.notEmpty(paths, "A load needs at least one path");
		return new Load(List.of(paths), DEFAULT_CLIENTS, NO_PREPARATION, DEFAULT_MAX_REQUESTS, DEFAULT_MAX_DURATION);
	}

	/**
	 * How many clients send requests at once.
	 * @param clients at least 1
	 * @return a load with that many clients
	 */
	public Load clients(int clients) {
		Assert.isTrue(clients > 0, "A load needs at least one client");
		return new Load(this.paths, clients, this.preparation, this.maxRequests, this.maxDuration);
	}

	/**
	 * What each client does through the gateway before the load starts, e.g. log in; its requests are not counted.
	 * @param preparation given each client, which sends to the gateway
	 * @return a load whose clients are prepared so
	 */
	public Load preparedBy(Consumer<ReplicaClient> preparation) {
		return new Load(this.paths, this.clients, preparation, this.maxRequests, this.maxDuration);
	}

	/**
	 * Bounds the load: it stops after so many requests or so long, even if the step it accompanies is not done.
	 * @param requests the most requests, all clients together
	 * @param duration the longest it runs
	 * @return a load with those bounds
	 */
	public Load atMost(int requests, Duration duration) {
		Assert.isTrue(requests > 0 && !duration.isNegative() && !duration.isZero(), "A load's bounds must be positive");
		return new Load(this.paths, this.clients, this.preparation, requests, duration);
	}

	List<String> paths() {
		return this.paths;
	}

	int clients() {
		return this.clients;
	}

	Consumer<ReplicaClient> preparation() {
		return this.preparation;
	}

	int maxRequests() {
		return this.maxRequests;
	}

	Duration maxDuration() {
		return this.maxDuration;
	}

	@Override
	public String toString() {
		return this.clients + " clients sending GET " + String.join(", ", this.paths);
	}

}
