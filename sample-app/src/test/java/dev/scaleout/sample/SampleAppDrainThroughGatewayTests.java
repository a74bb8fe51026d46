package dev.scaleout.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import dev.scaleout.test.app.CookieJarClient;
import dev.scaleout.test.app.RunningApp;
import dev.scaleout.test.gateway.GatewayProcess;
import dev.scaleout.test.redis.TestRedis;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A replica stopped by hand under POST load, through the real gateway (its jar): the replica says it is draining
 * on every response, the gateway sends it nothing new from the first such response on, long before its readiness
 * probes could notice (the gateway here needs a thousand failed probes), and no request fails or is lost.
 */
class SampleAppDrainThroughGatewayTests {

	private static final int CLIENTS = 4;

	/** Bounds the load should a step hang: far more than the few seconds the test needs. */
	private static final int MAX_REQUESTS_PER_CLIENT = 5_000;

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final TestRedis redis = TestRedis.shared();

	@Test
	void replicaStoppedGracefullyUnderPostLoadLeavesTheGatewayAtOnceAndFailsNoRequest() throws Exception {
		RunningApp stopping = replica("replica-a");
		RunningApp staying = replica("replica-b");
		URI stoppingUrl = stopping.baseUri();
		ExecutorService threads = Executors.newFixedThreadPool(CLIENTS);
		try (GatewayProcess gateway = GatewayProcess.start(List.of(stoppingUrl, staying.baseUri()),
				"scaleout.gateway.health.fall=1000")) {
			PostLoad load = new PostLoad(gateway);
			List<CompletableFuture<Client>> clients = new ArrayList<>();
			for (int i = 0; i < CLIENTS; i++) {
				clients.add(CompletableFuture.supplyAsync(load::run, threads));
			}
			await().atMost(Duration.ofSeconds(30)).until(() -> load.servedByStopping() >= 20);

			stopping.close();
			assertThat(backends(gateway)).contains("\"url\":\"" + stoppingUrl + "\",\"state\":\"DOWN\"");
			assertThat(gateway.log()).contains("Backend " + stoppingUrl + " is DOWN: it is shutting down");
			int afterStop = load.answered();
			await().atMost(Duration.ofSeconds(30)).until(() -> load.answered() >= afterStop + 40);
			load.stop();

			for (CompletableFuture<Client> finished : clients) {
				Client client = finished.join();
				assertThat(client.failures).as("requests that failed").isEmpty();
				int counted = json.readTree(client.browser.get(gateway.uri("/session/counter")).body())
					.get("count")
					.asInt();
				assertThat(counted).as("increments kept in the session").isEqualTo(client.succeeded);
			}
		}
		finally {
			threads.shutdownNow();
			stopping.close();
			staying.close();
		}
	}

	private static String backends(GatewayProcess gateway) throws IOException, InterruptedException {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(gateway.uri("/actuator/backends")).build(), HttpResponse.BodyHandlers.ofString())
			.body();
	}

	private static RunningApp replica(String id) {
		List<String> args = new ArrayList<>(List.of(redis.springArguments()));
		args.add("--scaleout.instance.id=" + id);
		args.add("--scaleout.shutdown.drain-delay=2s");
		return RunningApp.start(SampleApplication.class, args.toArray(String[]::new));
	}

	/**
	 * Clients that each increment their own session's counter, one POST after the other, until stopped.
	 */
	private static final class PostLoad {

		private final GatewayProcess gateway;

		private final AtomicBoolean stopped = new AtomicBoolean();

		private final AtomicInteger answered = new AtomicInteger();

		private final AtomicInteger servedByA = new AtomicInteger();

		PostLoad(GatewayProcess gateway) {
			this.gateway = gateway;
		}

		Client run() {
			Client client = new Client();
			for (int i = 0; i < MAX_REQUESTS_PER_CLIENT && !this.stopped.get(); i++) {
				try {
					HttpResponse<String> response = client.browser.post(this.gateway.uri("/session/counter"));
					if (response.statusCode() == 200) {
						client.succeeded++;
					}
					else {
						client.failures.add(response.statusCode() + " " + response.body());
					}
					if (response.headers().firstValue("X-Instance-Id").filter("replica-a"::equals).isPresent()) {
						this.servedByA.incrementAndGet();
					}
				}
				catch (RuntimeException ex) {
					client.failures.add(ex.toString());
				}
				this.answered.incrementAndGet();
			}
			return client;
		}

		int servedByStopping() {
			return this.servedByA.get();
		}

		int answered() {
			return this.answered.get();
		}

		void stop() {
			this.stopped.set(true);
		}

	}

	private static final class Client {

		private final CookieJarClient browser = new CookieJarClient();

		private final List<String> failures = new ArrayList<>();

		private int succeeded;

	}

}
