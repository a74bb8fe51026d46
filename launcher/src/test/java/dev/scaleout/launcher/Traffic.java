package dev.scaleout.launcher;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bounded load through the gateway while something happens to the replicas: a few threads
 * of {@code GET /}, each recording every answer that is not a 200, until stopped.
 */
final class Traffic implements AutoCloseable {

	private static final Duration MAX_DURATION = Duration.ofMinutes(4);

	private final AtomicBoolean running = new AtomicBoolean(true);

	private final AtomicInteger succeeded = new AtomicInteger();

	private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();

	private final List<Thread> threads = new ArrayList<>();

	private Traffic(String url, int threads) {
		HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		long deadline = System.nanoTime() + MAX_DURATION.toNanos();
		for (int i = 0; i < threads; i++) {
			Thread thread = new Thread(() -> {
				HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build();
				while (this.running.get() && System.nanoTime() < deadline) {
					try {
						HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
						if (response.statusCode() == 200) {
							this.succeeded.incrementAndGet();
						}
						else {
							this.failures.add(response.statusCode() + " " + response.body());
						}
					}
					catch (Exception ex) {
						this.failures.add(ex.toString());
					}
				}
			}, "traffic-" + i);
			thread.setDaemon(true);
			thread.start();
			this.threads.add(thread);
		}
	}

	/**
	 * Starts sending {@code GET}s.
	 * @param url what to get
	 * @param threads how many at once
	 * @return the running traffic
	 */
	static Traffic start(String url, int threads) {
		return new Traffic(url, threads);
	}

	int succeeded() {
		return this.succeeded.get();
	}

	List<String> failures() {
		return List.copyOf(this.failures);
	}

	@Override
	public void close() throws InterruptedException {
		this.running.set(false);
		for (Thread thread : this.threads) {
			thread.join(Duration.ofSeconds(40).toMillis());
		}
	}

}
