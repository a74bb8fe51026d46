package dev.scaleout.deploy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static dev.scaleout.deploy.PodTemplates.containers;
import static dev.scaleout.deploy.PodTemplates.podLabels;
import static dev.scaleout.deploy.PodTemplates.selects;
import static dev.scaleout.deploy.RenderedBase.APP;
import static dev.scaleout.deploy.RenderedBase.GATEWAY;
import static dev.scaleout.deploy.RenderedBase.deployment;
import static dev.scaleout.deploy.RenderedBase.manifests;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who can reach the sessions in {@code k8s/}: Redis requires a password from a Secret, which the app and the
 * gateway read as {@code spring.data.redis.password}; NetworkPolicies admit only the app and gateway pods to
 * Redis, and only the gateway and labelled scrapers to the app.
 */
class ClusterAccessTests {

	static final String SECRET = "redis-auth";

	static final String PASSWORD_KEY = "SPRING_DATA_REDIS_PASSWORD";

	static final Map<String, String> SCRAPER = Map.of("scaleout.dev/scraper", "true");

	@Test
	void makesRedisRequireThePasswordFromTheSecret() {
		YamlNode redis = manifests().named("StatefulSet", "redis");
		YamlNode container = containers(redis).get(0);
		YamlNode variable = container.at("env").items().stream()
			.filter((env) -> env.at("valueFrom.secretKeyRef.name").optionalText().orElse("").equals(SECRET))
			.findFirst()
			.orElseThrow(() -> new AssertionError(redis.origin() + " reads no variable from Secret " + SECRET));
		assertThat(variable.at("valueFrom.secretKeyRef.key").text()).isEqualTo(PASSWORD_KEY);
		assertThat(String.join(" ", container.at("args").texts())).as(redis.origin() + " args")
			.contains("--requirepass $(" + variable.at("name").text() + ")");
	}

	@Test
	void givesTheAppAndTheGatewayTheRedisPasswordAsASpringSetting() {
		for (String name : List.of(APP, GATEWAY)) {
			YamlNode container = containers(deployment(name)).get(0);
			assertThat(container.at("envFrom").items()).as(container.origin() + " envFrom secretRef " + SECRET)
				.anyMatch((source) -> SECRET.equals(source.at("secretRef.name").optionalText().orElse(null)));
		}
		assertThat(SpringSettings.fromEnvironment(Map.of(PASSWORD_KEY, "secret")).text("spring.data.redis.password"))
			.as(PASSWORD_KEY + " binds to spring.data.redis.password").contains("secret");
	}

	@Test
	void letsOnlyTheAppAndGatewayPodsReachRedis() {
		Map<String, String> redisPods = podLabels(manifests().named("StatefulSet", "redis"));
		List<YamlNode> peers = admittedPeers(redisPods);
		assertThat(peers).as("peers admitted to Redis").isNotEmpty().allSatisfy((peer) -> {
			assertThat(peer.at("namespaceSelector").isPresent()).as(peer + " is in the namespace").isFalse();
			assertThat(peer.at("ipBlock").isPresent()).as(peer + " is no address range").isFalse();
		});
		assertThat(peers).as("the app pods reach Redis").anyMatch((peer) -> selectsPodsOf(peer, APP));
		assertThat(peers).as("the gateway pods reach Redis").anyMatch((peer) -> selectsPodsOf(peer, GATEWAY));
		assertThat(peers).as("only the app and gateway pods reach Redis")
			.allMatch((peer) -> selectsPodsOf(peer, APP) || selectsPodsOf(peer, GATEWAY));
	}

	@Test
	void letsOnlyTheGatewayAndLabelledScrapersReachTheApp() {
		List<YamlNode> peers = admittedPeers(podLabels(deployment(APP)));
		assertThat(peers).as("the gateway pods reach the app").anyMatch((peer) -> selectsPodsOf(peer, GATEWAY)
				&& !peer.at("namespaceSelector").isPresent());
		assertThat(peers).as("scrapers labelled " + SCRAPER + " reach the app")
			.anyMatch((peer) -> selects(peer.at("podSelector.matchLabels").textEntriesOrEmpty(), SCRAPER));
		assertThat(peers).as("nothing else reaches the app").allMatch((peer) -> !peer.at("ipBlock").isPresent()
				&& (selectsPodsOf(peer, GATEWAY)
						|| selects(peer.at("podSelector.matchLabels").textEntriesOrEmpty(), SCRAPER)));
	}

	/**
	 * The {@code from} peers of every ingress NetworkPolicy that selects the pods. A policy with an ingress rule
	 * without {@code from} would admit everyone, so that fails here.
	 */
	private static List<YamlNode> admittedPeers(Map<String, String> pods) {
		List<YamlNode> policies = manifests().ofKind("NetworkPolicy").stream()
			.filter((policy) -> selects(policy.at("spec.podSelector.matchLabels").textEntriesOrEmpty(), pods))
			.toList();
		assertThat(policies).as("NetworkPolicies selecting pods " + pods).isNotEmpty()
			.allSatisfy((policy) -> assertThat(policy.at("spec.policyTypes").texts()).contains("Ingress"));
		return policies.stream().flatMap((policy) -> policy.at("spec.ingress").items().stream()).flatMap((rule) -> {
			assertThat(rule.at("from").isPresent()).as(rule + " names who it admits").isTrue();
			return rule.at("from").items().stream();
		}).toList();
	}

	/** Whether the peer's pod selector picks the pods of the Deployment (an empty selector picks none here). */
	private static boolean selectsPodsOf(YamlNode peer, String deployment) {
		return selects(peer.at("podSelector.matchLabels").textEntriesOrEmpty(), podLabels(deployment(deployment)));
	}

}
