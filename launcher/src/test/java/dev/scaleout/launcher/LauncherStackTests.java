package dev.scaleout.launcher;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import dev.scaleout.launcher.cds.ArchiveKind;
import dev.scaleout.test.app.CookieJarClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code ./scaleout up --replicas 3} for real — Redis, three sample-app replicas started
 * from a CDS archive, and the gateway on loopback — shared by the tests of this class,
 * which run in order: the last one stops it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LauncherStackTests {

	@TempDir
	static Path runDirectory;

	/**
	 * What the launcher makes on the JVM the tests run on (it runs on the same one).
	 */
	private static final ArchiveKind KIND = ArchiveKind.forJava(Java.feature());

	private static final String LAUNCH_OPTION = (KIND == ArchiveKind.AOT_CACHE) ? "-XX:AOTCache="
			: "-XX:SharedArchiveFile=";

	private RunningLauncher launcher;

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	@BeforeAll
	void startTheStack() {
		this.launcher = RunningLauncher.start(runDirectory.resolve("run"), "--replicas", "3");
		this.launcher.awaitReady(Duration.ofMinutes(3));
	}

	@AfterAll
	void stopTheStack() {
		if (this.launcher != null) {
			this.launcher.close();
		}
	}

	@Test
	@Order(1)
	void answersFromThreeDistinctInstancesThroughTheGateway() {
		Set<String> instances = ConcurrentHashMap.newKeySet();
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).untilAsserted(() -> {
			instances.add(get("/").headers().firstValue("X-Instance-Id").orElse("none"));
			assertThat(instances).containsExactlyInAnyOrder("replica-1", "replica-2", "replica-3");
		});
	}

	@Test
	@Order(2)
	void startsEveryReplicaFromTheCdsArchiveOfOneTrainingRun() {
		assertThat(this.launcher.console())
			.containsOnlyOnce("preparing " + KIND.withArticle() + " of scaleout-sample-app")
			.contains(KIND.displayName() + " ready after");
		List<RunningLauncher.Replica> replicas = this.launcher.replicas();
		assertThat(replicas).hasSize(3).allSatisfy((replica) -> {
			assertThat(replica.state()).isEqualTo("READY");
			assertStartedFromTheCdsArchive(replica.pid());
		});
	}

	@Test
	@Order(2)
	void givesTheGatewayAnAdminPortAndATokenOnlyTheOwnerCanRead() throws Exception {
		Path adminFile = this.launcher.runDirectory().resolve("gateway-admin.json");
		assertThat(Files.getPosixFilePermissions(adminFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
		String admin = Files.readString(adminFile);
		String port = admin.replaceAll("(?s).*\"port\": (\\d+).*", "$1");
		String token = admin.replaceAll("(?s).*\"token\": \"(\\w+)\".*", "$1");
		assertThat(token).hasSize(32);
		List<String> arguments = List.of(ProcessHandle.of(this.launcher.process("gateway").pid())
			.orElseThrow()
			.info()
			.arguments()
			.orElseThrow());
		assertThat(arguments).contains("--scaleout.gateway.admin.port=" + port)
			.noneSatisfy((argument) -> assertThat(argument).contains(token));
	}

	@Test
	@Order(2)
	void keepsTheStartupNoiseInTheLogFilesAndOffTheConsole() throws Exception {
		Path logs = this.launcher.runDirectory().resolve("logs");
		assertThat(logs.resolve("gateway.log")).content().contains("Loaded RoutePredicateFactory", "Spring Boot");
		assertThat(logs.resolve("replica-1.log")).content().contains("Starting SampleApplication");
		assertThat(this.launcher.console()).doesNotContain("Loaded RoutePredicateFactory", "Starting SampleApplication",
				":: Spring Boot ::")
			.contains("Started GatewayApplication in", "Started SampleApplication in");
	}

	@Test
	@Order(3)
	void bringsBackAReplicaKilledWithSigkillWithoutAFailedGet() throws Exception {
		RunningLauncher.Replica victim = this.launcher.replica("replica-2").orElseThrow();
		try (Traffic traffic = Traffic.start(this.launcher.baseUrl() + "/", 3)) {
			await().atMost(Duration.ofSeconds(10)).until(() -> traffic.succeeded() > 20);
			ProcessHandle.of(victim.pid()).orElseThrow().destroyForcibly();
			await().atMost(Duration.ofSeconds(10))
				.pollInterval(Duration.ofMillis(250))
				.untilAsserted(() -> assertThat(this.launcher.replica("replica-2").orElseThrow().pid()).isPositive()
					.isNotEqualTo(victim.pid()));
			await().atMost(Duration.ofSeconds(45))
				.pollInterval(Duration.ofMillis(500))
				.untilAsserted(() -> assertThat(this.launcher.replica("replica-2").orElseThrow())
					.returns("READY", RunningLauncher.Replica::state)
					.returns(1, RunningLauncher.Replica::restarts));
			traffic.close();
			assertThat(traffic.failures()).as("failed GETs through the gateway").isEmpty();
			assertThat(traffic.succeeded()).isGreaterThan(100);
		}
		assertThat(this.launcher.console()).contains("replica-2 (pid " + victim.pid() + ", port " + victim.port()
				+ ") exited with code 137");
		assertStartedFromTheCdsArchive(this.launcher.replica("replica-2").orElseThrow().pid());
	}

	@Test
	@Order(4)
	void reloadsEveryReplicaUnderLoadWithoutAFailedRequestAndKeepsTheSession() throws Exception {
		Map<String, Integer> pidsBefore = pids();
		CookieJarClient session = new CookieJarClient();
		URI counter = URI.create(this.launcher.baseUrl() + "/session/counter");
		assertThat(session.post(counter).body()).contains("\"count\":1");
		List<String> counted = new CopyOnWriteArrayList<>();
		AtomicBoolean reloading = new AtomicBoolean(true);
		Thread sessionUser = new Thread(() -> {
			while (reloading.get()) {
				try {
					HttpResponse<String> response = session.post(counter);
					counted.add(response.statusCode() + " " + response.body());
					Thread.sleep(250); // a user's think time, not a wait for a condition
				}
				catch (Exception ex) {
					counted.add(ex.toString());
					return;
				}
			}
		});
		RunningLauncher.CommandResult reload;
		try (Traffic traffic = Traffic.start(this.launcher.baseUrl() + "/", 3)) {
			sessionUser.start();
			reload = this.launcher.command("reload");
			reloading.set(false);
			sessionUser.join(30_000);
			traffic.close();
			assertThat(traffic.failures()).as("failed GETs during the reload").isEmpty();
		}
		assertThat(reload.exitStatus()).as(reload.printed()).isZero();
		assertThat(reload.printed()).contains("replica-1: reloaded", "replica-2: reloaded", "replica-3: reloaded");
		Map<String, Integer> pidsAfter = pids();
		assertThat(pidsAfter.keySet()).isEqualTo(pidsBefore.keySet());
		pidsAfter.forEach((name, pid) -> assertThat(pid).as(name).isNotEqualTo(pidsBefore.get(name)));
		pidsAfter.values().forEach(this::assertStartedFromTheCdsArchive);
		assertThat(this.launcher.console()).as("the jar is unchanged: no second training run")
			.containsOnlyOnce("preparing " + KIND.withArticle())
			.contains("made earlier for this jar");
		assertThat(counted).as("session counter during the reload").isNotEmpty();
		for (int i = 0; i < counted.size(); i++) {
			assertThat(counted.get(i)).startsWith("200 ").contains("\"count\":" + (i + 2));
		}
	}

	@Test
	@Order(5)
	void stopLeavesNoProcessBehind() {
		List<ProcessHandle> processes = new ArrayList<>(this.launcher.children());
		processes.add(this.launcher.process().toHandle());
		assertThat(processes).hasSize(3 + 2 + 1);
		RunningLauncher.CommandResult stop = this.launcher.command("stop");
		assertThat(stop.exitStatus()).as(stop.printed()).isZero();
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(processes.stream().filter(ProcessHandle::isAlive).map(ProcessHandle::pid))
				.as("processes still alive").isEmpty());
		assertThat(this.launcher.runDirectory().resolve("launcher.json")).doesNotExist();
	}

	private void assertStartedFromTheCdsArchive(int pid) {
		Path archives = this.launcher.runDirectory().resolve("cds");
		List<String> arguments = List.of(ProcessHandle.of(pid).orElseThrow().info().arguments().orElseThrow());
		assertThat(arguments).as("arguments of pid %d", pid)
			.filteredOn((argument) -> argument.startsWith(LAUNCH_OPTION))
			.singleElement()
			.satisfies((option) -> assertThat(Path.of(option.substring(option.indexOf('=') + 1))).isRegularFile()
				.startsWith(archives));
		Path jar = Path.of(arguments.get(arguments.indexOf("-jar") + 1));
		assertThat(jar).as("the extracted jar of pid %d", pid)
			.isRegularFile()
			.startsWith(archives)
			.hasFileName(Path.of(LaunchOptions.SAMPLE_APP_JAR).getFileName().toString());
	}

	private Map<String, Integer> pids() {
		return this.launcher.replicas()
			.stream()
			.collect(Collectors.toMap(RunningLauncher.Replica::name, RunningLauncher.Replica::pid));
	}

	private HttpResponse<String> get(String path) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.launcher.baseUrl() + path))
			.timeout(Duration.ofSeconds(10))
			.build();
		return this.client.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
