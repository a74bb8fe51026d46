package dev.scaleout.gateway;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.scaleout.gateway.discovery.Backend;
import dev.scaleout.gateway.discovery.BackendPool;
import dev.scaleout.gateway.ejection.OutlierEjector;
import dev.scaleout.gateway.health.BackendHealth;
import dev.scaleout.gateway.stats.BackendStats;
import dev.scaleout.test.http.LoopbackBackend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A pool that keeps changing (a reload brings replicas on new ports) leaves no state and no
 * meter behind for the replicas that left.
 */
class BackendChurnTests {

	private static final int RELOADS = 100;

	@TempDir
	Path directory;

	@Test
	void hundredReloadsLeaveStateAndMetersOnlyForTheCurrentReplicas() throws IOException {
		Path file = this.directory.resolve("backends.txt");
		try (LoopbackBackend stable = LoopbackBackend.start("stable")) {
			replace(file, stable.url() + "\n");
			try (RunningGateway gateway = RunningGateway.start("scaleout.gateway.discovery=file",
					"scaleout.gateway.file.path=" + file, "scaleout.gateway.file.refresh-interval=20ms",
					"scaleout.gateway.health.interval=20ms", "scaleout.gateway.health.rise=1",
					"scaleout.gateway.strategy=round-robin", "scaleout.gateway.slow-start=0s")) {
				BackendPool pool = gateway.context().getBean(BackendPool.class);
				BackendHealth health = gateway.context().getBean(BackendHealth.class);
				LoopbackBackend previous = null;
				for (int reload = 1; reload <= RELOADS; reload++) {
					LoopbackBackend next = LoopbackBackend.start("reload-" + reload);
					replace(file, stable.url() + "\n" + next.url() + "\n");
					Backend added = backend(next);
					await().atMost(Duration.ofSeconds(5))
						.until(() -> pool.backends().contains(added) && health.isUp(added));
					await().atMost(Duration.ofSeconds(5)).until(() -> {
						gateway.get("/");
						return next.requests() > 0;
					});
					if (previous != null) {
						previous.close();
					}
					previous = next;
				}
				Set<Backend> current = Set.copyOf(pool.backends());
				assertThat(current).hasSize(2);
				assertThat(gateway.context().getBean(BackendStats.class).backends()).isSubsetOf(current);
				assertThat(health.backends()).isSubsetOf(current);
				assertThat(gateway.context().getBean(OutlierEjector.class).backends()).isSubsetOf(current);
				assertThat(taggedBackends(gateway.context().getBean(MeterRegistry.class)))
					.isSubsetOf(current.stream().map(Backend::getInstanceId).collect(Collectors.toSet()));
				previous.close();
			}
		}
	}

	private static Set<String> taggedBackends(MeterRegistry registry) {
		return registry.getMeters()
			.stream()
			.map(Meter::getId)
			.map((id) -> id.getTag("backend"))
			.filter((tag) -> tag != null)
			.collect(Collectors.toSet());
	}

	private static Backend backend(LoopbackBackend backend) {
		return new Backend(URI.create(backend.url()), 1);
	}

	private void replace(Path file, String content) throws IOException {
		Path temporary = Files.writeString(this.directory.resolve("backends.txt.tmp"), content);
		Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
	}

}
