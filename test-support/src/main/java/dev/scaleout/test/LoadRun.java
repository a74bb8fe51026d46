package dev.scaleout.test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.jspecify.annotations.Nullable;

/**
 * One run of a {@link Load} around a step: clients warm up, the step runs, clients go on for a while after it,
 * and every failure is kept with its time.
 */
final class LoadRun {

	/**
	 * Requests per client before the step: the gateway has sent requests to every replica.
	 */
	private static final int WARM_UP_PER_CLIENT = 5;

	/**
	 * Requests per client after the step: what the gateway does once the step is over is seen too.
	 */
	private static final int AFTER_PER_CLIENT = 10;

	private final Load load;

	private final List<ReplicaClient> clients;

	private final AtomicInteger sent = new AtomicInteger();

	private final AtomicBoolean stopped = new AtomicBoolean();

	private final List<LoadReport.FailedRequest> failures = new ArrayList<>();

	private final long deadline;

	private volatile long stepStart;

	private LoadRun(Load load, List<ReplicaClient> clients) {
		this.load = load;
		this.clients = clients;
		this.deadline = System.nanoTime() + load.maxDuration().toNanos();
		this.stepStart = System.nanoTime();
	}

	static LoadReport run(Load load, Replicas replicas, String step, Runnable action) {
		List<ReplicaClient> clients = new ArrayList<>();
		for (int i = 0; i < load.clients(); i++) {
			ReplicaClient client = replicas.client().throughGateway();
			load.preparation().accept(client);
			clients.add(client);
		}
		return new LoadRun(load, clients).around(step, action);
	}

	private LoadReport around(String step, Runnable action) {
		ExecutorService threads = Executors.newFixedThreadPool(this.clients.size());
		List<CompletableFuture<Void>> running = new ArrayList<>();
		boolean complete = false;
		try {
			this.clients.forEach((client) -> running.add(CompletableFuture.runAsync(() -> send(client), threads)));
			if (awaitSent(this.clients.size() * WARM_UP_PER_CLIENT)) {
				this.stepStart = System.nanoTime();
				action.run();
				complete = awaitSent(this.sent.get() + this.clients.size() * AFTER_PER_CLIENT);
			}
		}
		finally {
			this.stopped.set(true);
			running.forEach(CompletableFuture::join);
			threads.shutdownNow();
		}
		synchronized (this.failures) {
			return new LoadReport(step, this.load.toString(), this.sent.get(), this.failures, complete);
		}
	}

	private boolean awaitSent(int count) {
		return awaitUntil(() -> this.sent.get() >= count);
	}

	private boolean awaitUntil(BooleanSupplier condition) {
		long left = this.deadline - System.nanoTime();
		if (left <= 0) {
			return condition.getAsBoolean();
		}
		try {
			Awaitility.await()
				.atMost(Duration.ofNanos(left))
				.pollInterval(Duration.ofMillis(20))
				.until(() -> condition.getAsBoolean() || this.stopped.get() || bounded());
			return condition.getAsBoolean();
		}
		catch (ConditionTimeoutException ex) {
			return false;
		}
	}

	private boolean bounded() {
		return this.sent.get() >= this.load.maxRequests() || System.nanoTime() >= this.deadline;
	}

	private void send(ReplicaClient client) {
		while (!this.stopped.get() && !bounded()) {
			for (String path : this.load.paths()) {
				String outcome = outcome(client, path);
				this.sent.incrementAndGet();
				if (outcome != null) {
					synchronized (this.failures) {
						this.failures.add(new LoadReport.FailedRequest(path, outcome,
								Duration.ofNanos(System.nanoTime() - this.stepStart)));
					}
				}
			}
		}
	}

	/**
	 * Sends one request.
	 * @return why it failed, or {@code null} when it did not
	 */
	private static @Nullable String outcome(ReplicaClient client, String path) {
		try {
			HttpResponse<String> response = client.get(path);
			if (response.statusCode() < 500) {
				return null;
			}
			String instance = response.headers().firstValue("X-Instance-Id").map((id) -> " from " + id).orElse("");
			return response.statusCode() + instance + ": " + abbreviate(response.body());
		}
		catch (RuntimeException ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			return cause.getClass().getName() + ": " + cause.getMessage();
		}
	}

	private static String abbreviate(String body) {
		String line = body.replaceAll("\\s+", " ").strip();
		return (line.length() > 200) ? line.substring(0, 200) + "…" : line;
	}

}
