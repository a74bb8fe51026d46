package dev.scaleout.test.gateway;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Scaleout gateway started from its jar ({@link #jar()}) as a child JVM on a free loopback port, in front of the given replicas — the way {@code java -jar} runs it.
 * <p>
 * Its health checks probe every replica each 500 ms and it balances round robin, so that consecutive requests
 * alternate between healthy replicas; further properties override that. Closing it sends SIGTERM, and kills the
 * process should it not exit in time.
 */
public final class GatewayProcess implements AutoCloseable {

	private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

	/**
	 * Four rounds of health checks at 500 ms: three failed probes take a replica DOWN.
	 */
	private static final Duration PROBED = Duration.ofSeconds(2);

	/**
	 * The system property that names the gateway's jar.
	 */
	public static final String JAR_PROPERTY = "scaleout.test.gateway-jar";

	private static final Pattern JAR_NAME = Pattern.compile("scaleout-gateway-[^/]*(?<!-sources|-javadoc)\\.jar");

	private static final Pattern UP = Pattern.compile("\"state\"\\s*:\\s*\"UP\"");

	private final Process process;

	private final Path output;

	private final int port;

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.build();

	private GatewayProcess(Process process, Path output, int port) {
		this.process = process;
		this.output = output;
		this.port = port;
	}

	/**
	 * Starts the gateway in front of {@code replicas} and waits until it is ready and sees all of them UP.
	 * @param replicas the replicas' base URIs, e.g. {@code http://127.0.0.1:41234}
	 * @param properties further {@code name=value} properties of the gateway
	 * @return the running gateway
	 */
	public static GatewayProcess start(List<URI> replicas, String... properties) {
		int port = freePort();
		List<String> command = new ArrayList<>(List.of(java(), "-Xmx128m", "-XX:TieredStopAtLevel=1", "-jar",
				jar().toString(), "--server.port=" + port, "--server.address=127.0.0.1",
				"--spring.main.banner-mode=off", "--scaleout.gateway.admin.port=0", "--scaleout.gateway.strategy=round-robin",
				"--scaleout.gateway.slow-start=0s", "--scaleout.gateway.health.interval=500ms",
				"--scaleout.gateway.backends=" + replicas.stream().map(URI::toString).collect(Collectors.joining(","))));
		Arrays.stream(properties).map((property) -> "--" + property).forEach(command::add);
		try {
			Path output = Files.createTempFile("scaleout-gateway-", ".log");
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(output.toFile())
				.start();
			GatewayProcess gateway = new GatewayProcess(process, output, port);
			try {
				gateway.awaitUp(replicas.size());
			}
			catch (RuntimeException | AssertionError ex) {
				gateway.close();
				throw ex;
			}
			return gateway;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The gateway's jar: the one named by the system property {@value #JAR_PROPERTY}, else a
	 * {@code scaleout-gateway-*.jar} on the class path (a test dependency on {@code dev.scaleout:scaleout-gateway}),
	 * else the one Maven built in the {@code gateway} module of the repository that holds the module under test.
	 * @return the jar's path
	 * @throws IllegalStateException naming the ways to provide one when there is none
	 */
	public static Path jar() {
		String named = System.getProperty(JAR_PROPERTY);
		if (named != null) {
			Path jar = Path.of(named);
			if (!Files.isRegularFile(jar)) {
				throw new IllegalStateException("-D" + JAR_PROPERTY + "=" + named + " names no file");
			}
			return jar;
		}
		return onClassPath().or(GatewayProcess::inRepository)
			.orElseThrow(() -> new IllegalStateException("No scaleout-gateway jar: add a test dependency on"
					+ " dev.scaleout:scaleout-gateway, or set -D" + JAR_PROPERTY + "=<path of the jar>; in the"
					+ " Scaleout repository, build the gateway module first (./mvnw -B -pl gateway -am package"
					+ " -DskipTests)"));
	}

	private static Optional<Path> onClassPath() {
		return Arrays.stream(System.getProperty("java.class.path", "").split(File.pathSeparator))
			.map(Path::of)
			.filter((entry) -> JAR_NAME.matcher(entry.getFileName().toString()).matches())
			.filter(Files::isRegularFile)
			.findFirst();
	}

	private static Optional<Path> inRepository() {
		Path repository = Path.of("").toAbsolutePath();
		while (repository.getParent() != null && !Files.exists(repository.resolve("gateway/pom.xml"))) {
			repository = repository.getParent();
		}
		Path target = repository.resolve("gateway").resolve("target");
		try (Stream<Path> files = Files.exists(target) ? Files.list(target) : Stream.empty()) {
			return files.filter((file) -> JAR_NAME.matcher(file.getFileName().toString()).matches()).findFirst();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Waits until the gateway reports {@code count} replicas UP in {@code /actuator/backends}, and still does after
	 * {@link #PROBED} — the gateway counts the replicas it starts with as UP until its probes fail three times, so
	 * only a state that lasts that long says the probes pass.
	 * @param count how many replicas must be UP
	 */
	public void awaitUp(int count) {
		await().atMost(START_TIMEOUT).during(PROBED).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
			assertThat(this.process.isAlive()).as("the gateway is running; its log:%n%s", log()).isTrue();
			assertThat(upReplicas()).as("replicas UP at the gateway; its log:%n%s", log()).isGreaterThanOrEqualTo(count);
		});
	}

	/**
	 * Waits until the gateway's health checks have taken a replica that stopped DOWN, as they would before a real
	 * process restarts: a replica back within the checks' fall time would stay EJECTED for the ejection time if
	 * requests to it failed meanwhile, since only a passed health check after DOWN readmits it.
	 * @param replica the replica's base URI
	 */
	public void awaitDown(URI replica) {
		String url = replica.toString().replaceAll("/$", "");
		Pattern state = Pattern
			.compile("\"url\"\\s*:\\s*\"" + Pattern.quote(url) + "\"\\s*,\\s*\"state\"\\s*:\\s*\"DOWN\"");
		await().atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
			assertThat(this.process.isAlive()).as("the gateway is running; its log:%n%s", log()).isTrue();
			assertThat(backends()).as("%s DOWN at the gateway; its log:%n%s", url, log()).containsPattern(state);
		});
	}

	/**
	 * How many replicas the gateway reports UP now.
	 * @return the number of replicas in state UP in {@code /actuator/backends}
	 */
	public int upReplicas() {
		Matcher matcher = UP.matcher(backends());
		int up = 0;
		while (matcher.find()) {
			up++;
		}
		return up;
	}

	/**
	 * The gateway's {@code /actuator/backends} now.
	 * @return its body, empty when the gateway does not answer it
	 */
	private String backends() {
		try {
			HttpResponse<String> response = this.client.send(
					HttpRequest.newBuilder(uri("/actuator/backends")).timeout(Duration.ofSeconds(2)).build(),
					HttpResponse.BodyHandlers.ofString());
			return (response.statusCode() == 200) ? response.body() : "";
		}
		catch (IOException ex) {
			return "";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The URI of a path on the gateway, e.g. {@code uri("/cart")}.
	 * @param path the path, starting with a slash
	 * @return the absolute loopback URI
	 */
	public URI uri(String path) {
		return URI.create(baseUrl() + path);
	}

	/**
	 * The gateway's base URL, as clients see it.
	 * @return e.g. {@code http://127.0.0.1:40123}
	 */
	public String baseUrl() {
		return "http://127.0.0.1:" + this.port;
	}

	/**
	 * What the gateway printed so far.
	 * @return its console output
	 */
	public String log() {
		try {
			return Files.readString(this.output);
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(20, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
			Files.deleteIfExists(this.output);
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
		catch (IOException ex) {
			// A leftover log file in the temporary directory is harmless.
		}
	}

	private static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
