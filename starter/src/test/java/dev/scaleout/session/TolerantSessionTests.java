package dev.scaleout.session;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.session.MapSession;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class TolerantSessionTests {

	private final TolerantSessionSerializer serializer = new TolerantSessionSerializer(
			SessionJson.serializer(getClass().getClassLoader(), List.of()), List.of());

	private final TolerantSessionMapper mapper = new TolerantSessionMapper(this.serializer.refusals());

	@Test
	void corruptValueReadsAsUnreadableInsteadOfFailingTheRequest() {
		Object value = this.serializer.deserialize("{not json".getBytes(StandardCharsets.UTF_8));
		assertThat(value).isInstanceOf(UnreadableValue.class);
	}

	@Test
	void jdkSerializedValueFromAnOldBuildReadsAsUnreadable() {
		byte[] javaStream = RedisSerializer.java().serialize(new java.util.ArrayList<>(List.of("x")));
		assertThat(this.serializer.deserialize(javaStream)).isInstanceOf(UnreadableValue.class);
	}

	@Test
	void anUnreadableValueCostsOnlyItsAttributeAndOneWarning(CapturedOutput output) {
		Map<String, Object> stored = validSession();
		stored.put("sessionAttr:cart", new UnreadableValue(null, "cannot be read from JSON (Unexpected character)",
				UnreadableValue.Cause.NO_JSON_FORM));
		stored.put("sessionAttr:user", "demo");
		MapSession session = this.mapper.apply("id", stored);
		assertThat(session).isNotNull();
		assertThat(session.getAttributeNames()).containsExactly("user");
		assertThat(output.getOut()).contains("WARN")
			.contains("Dropping session attribute 'cart' read from Redis: its value cannot be read from JSON")
			.contains("the rest of the session is kept")
			.doesNotContain("id=");
	}

	@Test
	void sessionWithMalformedMetadataIsNoSession() {
		Map<String, Object> stored = validSession();
		stored.remove("creationTime");
		assertThat(this.mapper.apply("id", stored)).isNull();
	}

	@Test
	void readableSessionIsMappedAsUsual() {
		Map<String, Object> stored = validSession();
		stored.put("sessionAttr:counter", 3);
		MapSession session = this.mapper.apply("id", stored);
		assertThat(session).isNotNull();
		assertThat(session.<Integer>getAttribute("counter")).isEqualTo(3);
	}

	private static Map<String, Object> validSession() {
		long now = System.currentTimeMillis();
		Map<String, Object> stored = new HashMap<>();
		stored.put("creationTime", now);
		stored.put("lastAccessedTime", now);
		stored.put("maxInactiveInterval", 1800);
		return stored;
	}

}
