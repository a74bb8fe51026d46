package dev.scaleout.session;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.scaleout.session.probe.StaticInitializerProbe;
import dev.scaleout.session.probe.StaticInitializerProbe.InitializationWitness;
import dev.scaleout.test.redis.TestRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a replica does with a session value that an attacker wrote into Redis, on a real Redis: no type that does
 * I/O, starts a thread or loads a class is made, and no value beyond the limits of session JSON is read. Each costs
 * its own attribute only, with one WARN line.
 */
@ExtendWith(OutputCaptureExtension.class)
class HostileSessionValuesTests {

	private static final String NAME = "name";

	private final TestRedis redis = TestRedis.shared();

	private final String namespace = "hostile-" + UUID.randomUUID();

	private final List<SessionReplica> replicas = new ArrayList<>();

	@AfterEach
	void stopReplicas() {
		this.replicas.forEach(SessionReplica::close);
	}

	@ParameterizedTest
	@ValueSource(strings = { "java.net.URL", "java.lang.Class", "java.io.File", "java.net.InetAddress",
			"java.net.Inet4Address", "java.lang.Thread", "java.lang.ClassLoader", "java.lang.ProcessBuilder",
			"java.lang.Runtime", "java.lang.reflect.Method", "java.lang.reflect.Proxy", "java.util.logging.Logger",
			"java.util.logging.FileHandler", "java.util.ServiceLoader", "java.util.Timer", "java.util.Scanner",
			"java.util.jar.JarFile", "java.util.concurrent.ThreadPoolExecutor",
			"java.util.concurrent.ScheduledThreadPoolExecutor", "java.util.concurrent.ForkJoinPool",
			"java.util.zip.ZipFile", "java.util.prefs.Preferences", "java.lang.invoke.MethodHandles" })
	void noTypeThatDoesIoOrLoadsClassesIsTrusted(String type) {
		assertThat(replica().serializer().trusts(type)).isFalse();
	}

	@Test
	void theUrlDnsGadgetIsRefusedBeforeAnyUrlIsMade(CapturedOutput output) {
		SessionReplica replica = replica();
		String id = replica.write(Map.of(NAME, "demo")).getId();
		hset(id, "sessionAttr:gadget", "[\"java.util.HashSet\",[[\"java.net.URL\",\"http://x.invalid/\"]]]");
		RedisSession read = replica.read(id);
		assertThat(read.getAttributeNames()).containsExactly(NAME);
		assertThat(output.getOut()).containsOnlyOnce("Dropping session attribute 'gadget' read from Redis: "
				+ "java.net.URL is not a trusted type; the rest of the session is kept. Of the JDK only value and "
				+ "collection types are trusted").doesNotContain("trusted-packages=java");
	}

	@Test
	void aClassNamedAsAValueIsNotLoaded(CapturedOutput output) {
		SessionReplica replica = replica();
		String id = replica.write(Map.of(NAME, "demo")).getId();
		hset(id, "sessionAttr:type", "[\"java.lang.Class\",\"java.lang.Runtime\"]");
		assertThat(replica.read(id).getAttributeNames()).containsExactly(NAME);
		assertThat(output.getOut()).containsOnlyOnce("Dropping session attribute 'type' read from Redis: "
				+ "java.lang.Class is not a trusted type");
	}

	@Test
	void aClassNamedAsATypeIdIsNotInitialized(CapturedOutput output) {
		SessionReplica replica = replica();
		String id = replica.write(Map.of(NAME, "demo")).getId();
		hset(id, "sessionAttr:probe", "{\"@class\":\"" + StaticInitializerProbe.class.getName() + "\",\"name\":\"x\"}");
		assertThat(replica.read(id).getAttributeNames()).containsExactly(NAME);
		assertThat(output.getOut()).containsOnlyOnce(StaticInitializerProbe.class.getName() + " is not a trusted type");
		assertThat(InitializationWitness.initialized).as("static initializer run").isFalse();
	}

	@Test
	void aTwentyMegabyteStringIsDroppedWithOneWarning(CapturedOutput output) {
		SessionReplica replica = replica();
		String id = replica.write(Map.of(NAME, "demo")).getId();
		hset(id, "sessionAttr:huge", "\"" + "x".repeat(20 * 1024 * 1024) + "\"");
		assertThat(replica.read(id).getAttributeNames()).containsExactly(NAME);
		assertThat(output.getOut()).containsOnlyOnce("Dropping session attribute 'huge' read from Redis: its value "
				+ "goes beyond the limits of session JSON (StreamConstraintsException: ")
			.contains("raise the limit named with scaleout.session.json.*");
	}

	@Test
	void aTwoMillionElementArrayIsDroppedWithOneWarning(CapturedOutput output) {
		SessionReplica replica = replica();
		String id = replica.write(Map.of(NAME, "demo")).getId();
		StringBuilder array = new StringBuilder("[\"java.util.ArrayList\",[");
		for (int i = 0; i < 2_000_000; i++) {
			array.append((i > 0) ? ",1" : "1");
		}
		hset(id, "sessionAttr:many", array.append("]]").toString());
		assertThat(replica.read(id).getAttributeNames()).containsExactly(NAME);
		assertThat(output.getOut()).containsOnlyOnce("Dropping session attribute 'many' read from Redis: "
				+ "java.util.ArrayList goes beyond the limits of session JSON (StreamConstraintsException: ");
	}

	@Test
	void aValueBeyondTheLimitsIsNotWrittenEither(CapturedOutput output) {
		SessionReplica writer = replica();
		RedisSession session = writer.write(Map.of(NAME, "demo", "huge", "x".repeat(2_000_000),
				"many", new ArrayList<>(Collections.nCopies(200_000, 1))));
		assertThat(this.redis.command("HEXISTS", key(session.getId()), "sessionAttr:huge")).isEqualTo("0");
		assertThat(this.redis.command("HEXISTS", key(session.getId()), "sessionAttr:many")).isEqualTo("0");
		assertThat(replica().read(session.getId()).getAttributeNames()).containsExactly(NAME);
		assertThat(output.getOut()).containsOnlyOnce("Not storing session attribute 'huge' in Redis: "
				+ "java.lang.String goes beyond the limits of session JSON")
			.containsOnlyOnce("Not storing session attribute 'many' in Redis: java.util.ArrayList goes beyond the "
					+ "limits of session JSON");
	}

	private SessionReplica replica() {
		SessionReplica replica = SessionReplica.start(this.redis, this.namespace);
		this.replicas.add(replica);
		return replica;
	}

	private void hset(String sessionId, String field, String value) {
		this.redis.command("HSET", key(sessionId), field, value);
	}

	private String key(String sessionId) {
		return this.namespace + ":sessions:" + sessionId;
	}

}
