package dev.scaleout.test;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import dev.scaleout.test.gateway.GatewayProcess;
import dev.scaleout.test.redis.TestRedis;
import org.jspecify.annotations.Nullable;

/**
 * The running replicas of a {@link ReplicatedSpringBootTest}, the Redis they share and the gateway in front of
 * them, if any: what a test method receives as a parameter to send requests, stop, kill and restart replicas.
 * <p>
 * Stopping, killing or restarting a replica lasts until the end of the test: before the next one, every replica
 * runs again.
 */
public final class Replicas implements AutoCloseable {

	private final List<Replica> replicas;

	private final TestRedis redis;

	private final SessionLedger sessions;

	private @Nullable GatewayProcess gateway;

	private Replicas(List<Replica> replicas, TestRedis redis, SessionLedger sessions) {
		this.replicas = List.copyOf(replicas);
		this.redis = redis;
		this.sessions = sessions;
	}

	/**
	 * Starts Redis (the JVM's shared one), the replicas one after the other, and the gateway.
	 * @param applications the application classes, replica {@code i} running {@code applications[i % size]}
	 * @param webFlux the application classes that run as WebFlux applications whatever the class path
	 * @param count how many replicas
	 * @param properties properties of every replica, {@code name=value}
	 * @param gateway whether to run the gateway
	 * @param gatewayProperties properties of the gateway, {@code name=value}
	 * @return the running replicas, which the caller must close
	 */
	static Replicas start(List<Class<?>> applications, List<Class<?>> webFlux, int count, List<String> properties,
			boolean gateway, List<String> gatewayProperties) {
		if (count < 1) {
			throw new IllegalArgumentException("@ReplicatedSpringBootTest(replicas = " + count
					+ ") runs no replica: give replicas = 2 or more");
		}
		TestRedis redis = TestRedis.shared();
		List<String> arguments = new ArrayList<>(List.of(redis.springArguments()));
		properties.forEach((property) -> arguments.add("--" + property));
		SessionLedger sessions = new SessionLedger();
		List<Replica> replicas = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			Class<?> application = applications.get(i % applications.size());
			replicas.add(new Replica(i, application, webFlux.contains(application), arguments, sessions));
		}
		Replicas started = new Replicas(replicas, redis, sessions);
		try {
			replicas.forEach(Replica::start);
			if (gateway) {
				started.gateway = GatewayProcess.start(replicas.stream().map(Replica::baseUri).toList(),
						gatewayProperties.toArray(String[]::new));
			}
			return started;
		}
		catch (RuntimeException | Error ex) {
			started.close();
			throw ex;
		}
	}

	/**
	 * How many replicas there are, running or not.
	 * @return the count given to {@link ReplicatedSpringBootTest#replicas()}
	 */
	public int count() {
		return this.replicas.size();
	}

	/**
	 * One replica.
	 * @param index from 0
	 * @return the replica
	 */
	public Replica replica(int index) {
		if (index < 0 || index >= this.replicas.size()) {
			throw new IndexOutOfBoundsException(
					"No replica " + index + ": the test runs " + this.replicas.size() + ", numbered from 0");
		}
		return this.replicas.get(index);
	}

	/**
	 * Every replica, running or not.
	 * @return the replicas, by index
	 */
	public List<Replica> all() {
		return this.replicas;
	}

	/**
	 * The Redis the replicas share, e.g. to look at a key.
	 * @return the running server
	 */
	public TestRedis redis() {
		return this.redis;
	}

	/**
	 * The gateway's base URI. The gateway is the {@code scaleout-gateway} jar, run with the JVM of the test: the
	 * one named by the system property {@code scaleout.test.gateway-jar}, else one on the test class path (a test
	 * dependency on {@code dev.scaleout:scaleout-gateway}), else the one Maven built in the {@code gateway} module
	 * of the repository under test.
	 * @return e.g. {@code http://127.0.0.1:40123}
	 * @throws IllegalStateException when the test runs no gateway
	 */
	public URI gatewayUri() {
		return URI.create(gateway().baseUrl());
	}

	/**
	 * A browser that sends each request to the next running replica in turn; {@link ReplicaClient#onReplica},
	 * {@link ReplicaClient#throughGateway()} give the same browser other targets.
	 * @return a new client with an empty cookie jar
	 */
	public ReplicaClient client() {
		return ReplicaClient.create(this, alternatingTarget());
	}

	/**
	 * Stops a replica gracefully, as SIGTERM does; returns when it has stopped.
	 * @param index the replica's index
	 */
	public void stop(int index) {
		replica(index).stop();
	}

	/**
	 * Kills a replica: its web server stops at once, closing open connections, without a drain.
	 * @param index the replica's index
	 * @see Replica
	 */
	public void kill(int index) {
		replica(index).kill();
	}

	/**
	 * Stops a replica gracefully if it runs and starts it again on the same port; with a gateway, returns once the
	 * gateway sees every running replica UP.
	 * @param index the replica's index
	 */
	public void restart(int index) {
		Replica replica = replica(index);
		replica.stop();
		startAgain(replica);
		awaitGateway();
	}

	/**
	 * Restarts the replicas one after the other, as a rolling deployment does: each is stopped gracefully,
	 * started, and (with a gateway) seen UP by the gateway before the next one stops.
	 */
	public void rollingRestart() {
		for (int i = 0; i < count(); i++) {
			restart(i);
		}
	}

	/**
	 * Stops a replica gracefully while a load runs through the gateway.
	 * @param index the replica's index
	 * @param load the requests
	 * @return what the load met
	 */
	public LoadReport stopUnderLoad(int index, Load load) {
		return underLoad(load, replica(index).id() + " stopped gracefully", () -> stop(index));
	}

	/**
	 * Kills a replica while a load runs through the gateway.
	 * @param index the replica's index
	 * @param load the requests
	 * @return what the load met
	 */
	public LoadReport killUnderLoad(int index, Load load) {
		return underLoad(load, replica(index).id() + " killed", () -> kill(index));
	}

	/**
	 * Restarts every replica, one after the other, while a load runs through the gateway.
	 * @param load the requests
	 * @return what the load met
	 */
	public LoadReport rollingRestartUnderLoad(Load load) {
		return underLoad(load, "a rolling restart of " + count() + " replicas", this::rollingRestart);
	}

	/**
	 * Runs any step while a load runs through the gateway.
	 * @param load the requests
	 * @param step what the step does, for the report, e.g. "replica-a restarted"
	 * @param action the step
	 * @return what the load met
	 */
	public LoadReport underLoad(Load load, String step, Runnable action) {
		gateway();
		return LoadRun.run(load, this, step, action);
	}

	/**
	 * Before each test: every replica runs again, the gateway sees them UP, and no session is recorded yet.
	 */
	void reset() {
		boolean restarted = false;
		for (Replica replica : this.replicas) {
			if (!replica.isRunning()) {
				startAgain(replica);
				restarted = true;
			}
		}
		if (restarted) {
			awaitGateway();
		}
		this.sessions.clear();
	}

	SessionLedger sessions() {
		return this.sessions;
	}

	Function<String, URI> alternatingTarget() {
		AtomicInteger turn = new AtomicInteger();
		return (path) -> {
			for (int tries = 0; tries < count(); tries++) {
				Replica replica = this.replicas.get(Math.floorMod(turn.getAndIncrement(), count()));
				if (replica.isRunning()) {
					return replica.uri(path);
				}
			}
			throw new IllegalStateException("No replica is running: restart one with Replicas.restart(index)");
		};
	}

	/**
	 * Starts a replica that is not running; with a gateway, only once the gateway has seen it DOWN, as it would
	 * before a real process is back (an in-JVM replica restarts faster than the gateway's health checks fall).
	 */
	private void startAgain(Replica replica) {
		if (this.gateway != null) {
			this.gateway.awaitDown(replica.baseUri());
		}
		replica.start();
	}

	private void awaitGateway() {
		if (this.gateway != null) {
			this.gateway.awaitUp((int) this.replicas.stream().filter(Replica::isRunning).count());
		}
	}

	private GatewayProcess gateway() {
		if (this.gateway == null) {
			throw new IllegalStateException("This test runs no gateway: use @ReplicatedSpringBootTest(gateway = true)");
		}
		return this.gateway;
	}

	/**
	 * Stops the gateway and every replica; the shared Redis runs on for the JVM's other tests.
	 */
	@Override
	public void close() {
		if (this.gateway != null) {
			this.gateway.close();
		}
		this.replicas.forEach(Replica::stop);
	}

}
