package dev.scaleout.test.app;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;

/**
 * Concurrent clients for race and lost-update tests: a number of threads released at the same instant, each sending
 * a bounded number of requests one after the other.
 */
public final class Simultaneously {

	private Simultaneously() {
	}

	/**
	 * Starts {@code clients} threads at once, each sending {@code rounds} requests one after the other, and waits
	 * for all of them.
	 * @param clients how many threads
	 * @param rounds how many requests each thread sends
	 * @param request sends one request of the client whose number (0 to clients - 1) it is given
	 * @return the status code of every response, client by client
	 */
	public static List<Integer> send(int clients, int rounds, IntFunction<? extends HttpResponse<?>> request) {
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(clients);
		try {
			List<CompletableFuture<List<Integer>>> results = new ArrayList<>();
			for (int client = 0; client < clients; client++) {
				int id = client;
				results.add(CompletableFuture.supplyAsync(() -> {
					awaitQuietly(start);
					List<Integer> statuses = new ArrayList<>();
					for (int round = 0; round < rounds; round++) {
						statuses.add(request.apply(id).statusCode());
					}
					return statuses;
				}, threads));
			}
			start.countDown();
			return results.stream().flatMap((result) -> result.join().stream()).toList();
		}
		finally {
			threads.shutdownNow();
		}
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
