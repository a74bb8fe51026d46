package dev.scaleout.session;

import java.io.File;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import dev.scaleout.session.SessionTypeRefusals.Direction;
import dev.scaleout.session.SessionTypeRefusals.Refusal;
import dev.scaleout.test.redis.TestRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRequestOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.web.servlet.FlashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the session format refuses, on a real Redis: it never writes a value it would refuse to read, and an
 * attribute it cannot read costs that attribute only — each refusal logged once per type with what would allow it.
 */
@ExtendWith(OutputCaptureExtension.class)
class SessionTypeRefusalsTests {

	private static final String TEST_PACKAGE = SessionTypeRefusalsTests.class.getPackageName();

	private static final String LOGIN = "SPRING_SECURITY_CONTEXT";

	private final TestRedis redis = TestRedis.shared();

	private final String namespace = "refusals-" + UUID.randomUUID();

	private final List<SessionReplica> replicas = new ArrayList<>();

	@AfterEach
	void stopReplicas() {
		this.replicas.forEach(SessionReplica::close);
	}

	@Test
	void theFormatNeverWritesWhatItWouldRefuseToRead() {
		SessionReplica writer = replica();
		SessionReplica reader = replica();
		List<Object> values = List.of("text", 42, 42L, Locale.GERMANY, Instant.now(), new BigDecimal("1.50"),
				new ArrayList<>(List.of(1L, Locale.FRANCE)), Map.of("due", Instant.EPOCH), new FlashMap(), login(),
				new Cart("sku-1", 2), new ArrayList<>(List.of(new Cart("sku-1", 2))),
				new HashMap<>(Map.of("cart", new Cart("sku-1", 2))), new Cart[] { new Cart("sku-1", 2) },
				new Object[] { new Cart("sku-1", 2) }, (Runnable) () -> {
				}, new Object(), new Thread("worker"), Optional.of("x"), new File("/tmp"), new StringBuilder("x"),
				new AtomicLong(3), Calendar.getInstance(), new NoJsonConstructor("x"), creationOptions(),
				requestOptions());
		List<String> written = new ArrayList<>();
		for (Object value : values) {
			byte[] bytes = writer.serializer().serialize("value", value);
			Object read = reader.serializer().deserialize(bytes);
			String type = value.getClass().getName();
			if (bytes.length == 0) {
				assertThat(writer.refusals().refusals()).as(type).isNotEmpty();
				continue;
			}
			written.add(type);
			assertThat(read).as(type).isNotNull().isNotInstanceOf(UnreadableValue.class);
			if (Modifier.isPublic(value.getClass().getModifiers())) {
				assertThat(read).as(type).isExactlyInstanceOf(value.getClass());
			}
		}
		assertThat(reader.refusals().refusals()).isEmpty();
		assertThat(written).contains(Locale.class.getName(), FlashMap.class.getName())
			.doesNotContain(Cart.class.getName(), Thread.class.getName(), NoJsonConstructor.class.getName(),
					PublicKeyCredentialCreationOptions.class.getName());
	}

	@Test
	void anUntrustedValueIsNotStoredAndStaysInThisRequestsSessionWithOneWarning(CapturedOutput output) {
		SessionReplica writer = replica();
		SessionReplica reader = replica();
		RedisSession session = writer.write(Map.of(LOGIN, login(), "cart", new Cart("sku-1", 2)));
		assertThat(session.<Cart>getAttribute("cart")).isEqualTo(new Cart("sku-1", 2));
		assertThat(hashField(session.getId(), "sessionAttr:cart")).as("no such field").isNull();
		RedisSession read = reader.read(session.getId());
		assertThat(read.getAttributeNames()).containsExactly(LOGIN);
		session.setAttribute("otherCart", new Cart("sku-2", 1));
		writer.save(session);
		String warning = "Not storing session attribute 'cart' in Redis: " + Cart.class.getName()
				+ " is not a trusted type; it stays in this request's session only, as no replica could read it back. "
				+ "To allow it, set scaleout.session.trusted-packages=" + TEST_PACKAGE + ".";
		assertThat(output.getOut()).contains(warning).containsOnlyOnce("Not storing session attribute");
		assertThat(writer.refusals().refusals()).containsExactly(new Refusal(Cart.class.getName(), "cart",
				Direction.WRITE, "is not a trusted type", "To allow it, set scaleout.session.trusted-packages="
						+ TEST_PACKAGE + "."));
	}

	@Test
	void aValueJacksonCannotReadBackIsRefusedWithoutSuggestingToTrustIt(CapturedOutput output) {
		SessionReplica writer = replica(TEST_PACKAGE);
		RedisSession session = writer.write(Map.of("name", new NoJsonConstructor("x")));
		assertThat(hashField(session.getId(), "sessionAttr:name")).as("no such field").isNull();
		assertThat(output.getOut()).contains("Not storing session attribute 'name' in Redis: "
				+ NoJsonConstructor.class.getName() + " cannot be read from JSON (")
			.contains("Store a type Jackson can write and read back")
			.doesNotContain("scaleout.session.trusted-packages=");
	}

	@Test
	void anAttributeThisReplicaDoesNotTrustIsDroppedAloneAndLeftForTheReplicasThatTrustIt(CapturedOutput output) {
		SessionReplica trusting = replica(TEST_PACKAGE);
		SessionReplica distrusting = replica();
		String id = trusting.write(Map.of(LOGIN, login(), "cart", new Cart("sku-1", 2))).getId();
		RedisSession read = distrusting.read(id);
		assertThat(read).isNotNull();
		assertThat(read.getAttributeNames()).containsExactly(LOGIN);
		assertThat(output.getOut()).contains("Dropping session attribute 'cart' read from Redis: "
				+ Cart.class.getName() + " is not a trusted type; the rest of the session is kept. "
				+ "To allow it, set scaleout.session.trusted-packages=" + TEST_PACKAGE + ".");
		read.setLastAccessedTime(Instant.now());
		distrusting.save(read);
		assertThat(trusting.read(id).getAttributeNames()).containsExactlyInAnyOrder(LOGIN, "cart");
	}

	@Test
	void aNestedUntrustedTypeIsNamedRatherThanItsContainer(CapturedOutput output) {
		SessionReplica trusting = replica(TEST_PACKAGE);
		SessionReplica distrusting = replica();
		String id = trusting.write(Map.of("carts", new ArrayList<>(List.of(new Cart("sku-1", 2))))).getId();
		assertThat(distrusting.read(id).getAttributeNames()).isEmpty();
		assertThat(output.getOut()).contains("Dropping session attribute 'carts' read from Redis: "
				+ Cart.class.getName() + " is not a trusted type");
	}

	@Test
	void aValueOfAClassThisReplicaLacksIsDroppedButLeftForTheReplicasThatHaveIt(CapturedOutput output) {
		SessionReplica replica = replica();
		String id = replica.write(Map.of(LOGIN, login())).getId();
		String coupon = "{\"@class\":\"com.example.newer.Coupon\",\"code\":\"WINTER\"}";
		this.redis.command("HSET", key(id), "sessionAttr:coupon", coupon);
		RedisSession read = replica.read(id);
		assertThat(read.getAttributeNames()).containsExactly(LOGIN);
		assertThat(output.getOut()).contains("Dropping session attribute 'coupon' read from Redis: "
				+ "com.example.newer.Coupon has no class on this replica; the rest of the session is kept.");
		read.setLastAccessedTime(Instant.now());
		replica.save(read);
		assertThat(hashField(id, "sessionAttr:coupon")).isEqualTo(coupon);
	}

	@Test
	void aCorruptValueIsDroppedAloneAndClearedFromRedis(CapturedOutput output) {
		SessionReplica replica = replica();
		String id = replica.write(Map.of(LOGIN, login())).getId();
		this.redis.command("HSET", key(id), "sessionAttr:broken", "{not json");
		RedisSession read = replica.read(id);
		assertThat(read.getAttributeNames()).containsExactly(LOGIN);
		assertThat(output.getOut()).contains("Dropping session attribute 'broken' read from Redis: its value cannot "
				+ "be read from JSON (");
		assertThat(hashField(id, "sessionAttr:broken")).as("no such field").isNull();
	}

	@Test
	void theSettingThatAllowsATypeKeepsThePackagesTrustedAlready() {
		SessionTypeRefusals refusals = new SessionTypeRefusals(List.of("com.example.user"));
		assertThat(refusals.propertyAllowing("com.example.cart.Cart"))
			.isEqualTo("scaleout.session.trusted-packages=com.example.user,com.example.cart");
		assertThat(refusals.propertyAllowing("[Lcom.example.cart.Cart;"))
			.isEqualTo("scaleout.session.trusted-packages=com.example.user,com.example.cart");
		assertThat(refusals.propertyAllowing("com.example.user.Profile$Address"))
			.isEqualTo("scaleout.session.trusted-packages=com.example.user");
	}

	private SessionReplica replica(String... trustedPackages) {
		SessionReplica replica = SessionReplica.start(this.redis, this.namespace, trustedPackages);
		this.replicas.add(replica);
		return replica;
	}

	private String hashField(String sessionId, String field) {
		return this.redis.command("HGET", key(sessionId), field);
	}

	private String key(String sessionId) {
		return this.namespace + ":sessions:" + sessionId;
	}

	private static SecurityContext login() {
		User user = new User("demo", "", AuthorityUtils.createAuthorityList("ROLE_USER"));
		return new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(user, null,
				user.getAuthorities()));
	}

	private static PublicKeyCredentialCreationOptions creationOptions() {
		return PublicKeyCredentialCreationOptions.builder()
			.rp(PublicKeyCredentialRpEntity.builder().id("example.com").name("Example").build())
			.user(ImmutablePublicKeyCredentialUserEntity.builder()
				.name("demo")
				.id(Bytes.random())
				.displayName("Demo")
				.build())
			.challenge(Bytes.random())
			.timeout(Duration.ofMinutes(5))
			.build();
	}

	private static PublicKeyCredentialRequestOptions requestOptions() {
		return PublicKeyCredentialRequestOptions.builder().challenge(Bytes.random()).rpId("example.com").build();
	}

	/**
	 * A type of a package the replica does not trust.
	 */
	public record Cart(String sku, int quantity) {

	}

	/**
	 * A type Jackson can write but not create.
	 */
	public static final class NoJsonConstructor {

		private final String name;

		private NoJsonConstructor(String name, boolean named) {
			this.name = name;
		}

		NoJsonConstructor(String name) {
			this(name, true);
		}

		public String getName() {
			return this.name;
		}

	}

}
