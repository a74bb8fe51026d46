package dev.scaleout.it;

import java.net.http.HttpResponse;
import java.util.List;

import dev.scaleout.report.app.ReplicaUnsafeApplication;
import dev.scaleout.test.app.CookieJarClient;
import dev.scaleout.test.app.RunningApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The replication report of real apps started on a real server: the log block at startup and
 * {@code /actuator/replication}.
 */
@ExtendWith(OutputCaptureExtension.class)
class ReplicationReportIntegrationTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final String IN_MEMORY_H2 = "--spring.datasource.url=jdbc:h2:mem:orders;DB_CLOSE_DELAY=-1";

	/**
	 * Replaces the exclusions of the test class path's application.properties, so it repeats Spring Security's.
	 */
	private static final String NO_DATA_SOURCE = "--spring.autoconfigure.exclude="
			+ "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
			+ "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration,"
			+ "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration,"
			+ "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration,"
			+ "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration,"
			+ "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration";

	@Test
	void logsOneBlockOnceTheAppIsReadyListingWhatBreaksEachWithItsFix(CapturedOutput output) {
		try (RunningApp app = RunningApp.start(ReplicaUnsafeApplication.class, "--scaleout.instance.id=report-it",
				IN_MEMORY_H2)) {
			String log = output.getOut();
			assertThat(log.lines().filter((line) -> line.contains("Replication report of instance"))).singleElement()
				.asString()
				.contains("WARN [report-it]")
				.endsWith("Replication report of instance report-it: 2 findings that break under many replicas");
			String block = log.substring(log.indexOf("Replication report of instance"));
			assertThat(log.indexOf("Started ReplicaUnsafeApplication")).as("logged once ready")
				.isLessThan(log.indexOf("Replication report of instance"));
			assertThat(block).contains("\n  set up:\n    - Instance id report-it")
				.contains("\n    - Cluster-once jobs: ReplicaUnsafeApplication.Jobs#nightlyReport runs on one replica"
						+ " per tick, locked in Redis under job-lock:default:<lock name>")
				.contains("\n  found:\n    - [in-memory-database] DataSource 'dataSource' is an in-memory database"
						+ " (jdbc:h2:mem:orders): each replica would have its own data, and lose it when it stops"
						+ "\n      fix: Use a database server that every replica shares: point spring.datasource.url at"
						+ " it")
				.contains("\n    - [unlocked-scheduled-job] @Scheduled method"
						+ " ReplicaUnsafeApplication.Jobs#purgeExpiredOrders has no @SchedulerLock: every replica"
						+ " runs it at every tick\n      fix: Add @SchedulerLock(name = \"Jobs.purgeExpiredOrders\")")
				.doesNotContain("Jobs#nightlyReport has no");
		}
	}

	@Test
	void theEndpointAnswersTheReportAsJsonAndIsExposedByDefault() {
		try (RunningApp app = RunningApp.start(ReplicaUnsafeApplication.class, "--scaleout.instance.id=report-it",
				IN_MEMORY_H2)) {
			HttpResponse<String> response = new CookieJarClient().get(app.uri("/actuator/replication"));
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
					(type) -> assertThat(type).startsWith("application/vnd.spring-boot.actuator.v3+json"));
			JsonNode report = json.readTree(response.body());
			assertThat(report.get("instance").asString()).isEqualTo("report-it");
			assertThat(texts(report.get("findings"), "id")).containsExactly("in-memory-database",
					"unlocked-scheduled-job");
			assertThat(texts(report.get("findings"), "problem")).allSatisfy((problem) -> assertThat(problem)
				.containsAnyOf("jdbc:h2:mem:orders", "ReplicaUnsafeApplication.Jobs#purgeExpiredOrders"));
			assertThat(texts(report.get("findings"), "fix")).allSatisfy((fix) -> assertThat(fix).isNotBlank());
			assertThat(report.get("setUp").values().stream().map(JsonNode::asString))
				.anySatisfy((line) -> assertThat(line).startsWith("Instance id report-it"))
				.anySatisfy((line) -> assertThat(line).startsWith("Circuit breakers on every RestClient"))
				.anySatisfy((line) -> assertThat(line).startsWith("Work pool: "))
				.anySatisfy((line) -> assertThat(line).startsWith("Drain on SIGTERM"));
		}
	}

	@Test
	void aCheckThatThrowsDoesNotFailTheStartAndLeavesNoStackTrace(CapturedOutput output) {
		try (RunningApp app = RunningApp.start(ReplicaUnsafeApplication.class, "--scaleout.instance.id=report-it",
				IN_MEMORY_H2, "--test.exploding-check=true")) {
			assertThat(app.context().isActive()).isTrue();
			assertThat(output.getOut()).contains("- [check-failed] The check 'explodingCheck' could not run"
					+ " (IllegalStateException: inspection exploded)")
				.doesNotContain("\tat dev.scaleout.report");
			JsonNode report = json.readTree(new CookieJarClient().get(app.uri("/actuator/replication")).body());
			assertThat(texts(report.get("findings"), "id")).contains("check-failed", "in-memory-database");
		}
	}

	@Test
	void anAppWithNothingToFindHasNoFindings(CapturedOutput output) {
		try (RunningApp app = RunningApp.start(ReplicaTestApplication.class, "--scaleout.instance.id=clean",
				NO_DATA_SOURCE)) {
			JsonNode report = json.readTree(new CookieJarClient().get(app.uri("/actuator/replication")).body());
			assertThat(report.get("findings").isEmpty()).isTrue();
			assertThat(output.getOut().lines().filter((line) -> line.contains("Replication report of instance")))
				.singleElement()
				.asString()
				.contains("INFO [clean]")
				.endsWith("nothing found that breaks under many replicas");
			assertThat(output.getOut()).contains("  found: nothing");
		}
	}

	private static List<String> texts(JsonNode array, String field) {
		return array.values().stream().map((node) -> node.get(field).asString()).toList();
	}

}
