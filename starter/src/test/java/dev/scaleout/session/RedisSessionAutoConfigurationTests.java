package dev.scaleout.session;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;

import dev.scaleout.report.ReplicationCheck;
import dev.scaleout.report.ReplicationReport;
import dev.scaleout.report.ReplicationReport.Finding;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.session.MapSessionRepository;
import org.springframework.session.ReactiveMapSessionRepository;
import org.springframework.util.unit.DataSize;
import org.springframework.web.context.annotation.SessionScope;

import static org.assertj.core.api.Assertions.assertThat;

class RedisSessionAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(RedisSessionAutoConfiguration.class));

	@Test
	void sessionAttributesAreWrittenAsJson() {
		this.runner.run((context) -> {
			RedisSerializer<Object> serializer = serializer(context.getBean("springSessionDefaultRedisSerializer"));
			byte[] bytes = serializer.serialize(new java.util.ArrayList<>(List.of("a", "b")));
			assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("[\"java.util.ArrayList\",[\"a\",\"b\"]]");
			assertThat(serializer.deserialize(bytes)).isEqualTo(List.of("a", "b"));
		});
	}

	@Test
	void typesOfTheApplicationsOwnPackageAreTrusted() {
		this.runner.withUserConfiguration(ApplicationPackage.class).run((context) -> {
			RedisSerializer<Object> serializer = serializer(context.getBean("springSessionDefaultRedisSerializer"));
			Cart cart = new Cart();
			cart.setItems(3);
			assertThat(serializer.deserialize(serializer.serialize(cart))).isInstanceOf(Cart.class)
				.hasFieldOrPropertyWithValue("items", 3);
		});
	}

	@Test
	void trustedPackagesAreConfigurable() {
		this.runner.withPropertyValues("scaleout.session.trusted-packages=com.example.cart,com.example.user")
			.run((context) -> assertThat(context.getBean(RedisSessionProperties.class).trustedPackages())
				.containsExactly("com.example.cart", "com.example.user"));
	}

	@Test
	void invalidTrustedPackageFailsStartupNamingTheProperty() {
		this.runner.withPropertyValues("scaleout.session.trusted-packages=com.example.*").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("scaleout.session.trusted-packages")
				.hasMessageContaining("must be Java package names such as com.example.cart");
		});
	}

	@Test
	void sessionAccessIsWrittenAtMostOnceAMinuteByDefault() {
		this.runner.run((context) -> assertThat(context.getBean(RedisSessionProperties.class).touchInterval())
			.isEqualTo(Duration.ofSeconds(60)));
	}

	@Test
	void negativeTouchIntervalFailsStartupNamingTheProperty() {
		this.runner.withPropertyValues("scaleout.session.touch-interval=-1s").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("scaleout.session.touch-interval")
				.hasMessageContaining("must be zero (write every access) or positive");
		});
	}

	@Test
	void sessionLocksAreOffByDefault() {
		this.runner.run((context) -> assertThat(context.getBean(RedisSessionProperties.class).lock())
			.isEqualTo(new RedisSessionProperties.Lock(false, Duration.ofSeconds(5), Duration.ofSeconds(30))));
	}

	@Test
	void zeroLockTimeoutFailsStartupNamingTheProperty() {
		this.runner.withPropertyValues("scaleout.session.lock.enabled=true", "scaleout.session.lock.timeout=0s")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.hasMessageContaining("scaleout.session.lock.timeout")
					.hasMessageContaining("must be positive");
			});
	}

	@Test
	void sessionLocksThatNoRepositoryTakesFailStartupNamingTheProperty() {
		this.runner.withPropertyValues("scaleout.session.lock.enabled=true")
			.withBean("sessionRepository", MapSessionRepository.class, () -> new MapSessionRepository(new HashMap<>()))
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).isInstanceOf(InvalidConfigurationPropertyValueException.class)
					.hasMessageContaining("scaleout.session.lock.enabled")
					.hasMessageContaining("'sessionRepository' (" + MapSessionRepository.class.getName() + ")");
			});
		this.runner.withPropertyValues("scaleout.session.lock.enabled=true")
			.withBean("reactiveSessionRepository", ReactiveMapSessionRepository.class,
					() -> new ReactiveMapSessionRepository(new HashMap<>()))
			.run((context) -> assertThat(context).hasFailed());
	}

	@Test
	void sessionLocksWithoutASessionRepositoryOrWithoutLocksStart() {
		this.runner.withPropertyValues("scaleout.session.lock.enabled=true")
			.run((context) -> assertThat(context).hasNotFailed());
		this.runner
			.withBean("sessionRepository", MapSessionRepository.class, () -> new MapSessionRepository(new HashMap<>()))
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void aJdkPackageCannotBeTrustedWhole() {
		this.runner.withPropertyValues("scaleout.session.trusted-packages=java.net").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("scaleout.session.trusted-packages")
				.hasMessageContaining("The JDK's packages cannot be trusted whole");
		});
	}

	@Test
	void sessionJsonIsLimitedByDefault() {
		this.runner.run((context) -> assertThat(context.getBean(RedisSessionProperties.class).json())
			.isEqualTo(new RedisSessionProperties.JsonLimits(DataSize.ofMegabytes(4), 1_000_000, 100, 100, 100_000)));
	}

	@Test
	void configuredJsonLimitsReachTheSessionFormat() {
		this.runner.withPropertyValues("scaleout.session.json.max-string-length=5").run((context) -> {
			TolerantSessionSerializer serializer = context.getBean(TolerantSessionSerializer.class);
			assertThat(serializer.deserialize("\"12345\"".getBytes(StandardCharsets.UTF_8))).isEqualTo("12345");
			assertThat(serializer.deserialize("\"123456\"".getBytes(StandardCharsets.UTF_8)))
				.isInstanceOfSatisfying(UnreadableValue.class,
						(unreadable) -> assertThat(unreadable.cause()).isEqualTo(UnreadableValue.Cause.OVER_LIMIT));
		});
	}

	@Test
	void zeroJsonLimitFailsStartupNamingTheProperty() {
		this.runner.withPropertyValues("scaleout.session.json.max-nesting-depth=0").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("scaleout.session.json.max-nesting-depth")
				.hasMessageContaining("must be positive");
		});
	}

	@Test
	void zeroLockLeaseFailsStartupNamingTheProperty() {
		this.runner.withPropertyValues("scaleout.session.lock.lease=0s").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("scaleout.session.lock.lease")
				.hasMessageContaining("longer than the longest request");
		});
	}

	@Test
	void backsOffWhenTheApplicationDefinesItsOwnSerializer() {
		this.runner.withUserConfiguration(OwnSerializer.class)
			.run((context) -> assertThat(context.getBean("springSessionDefaultRedisSerializer"))
				.isSameAs(OwnSerializer.SERIALIZER));
	}

	@Test
	void reportsHowSessionsAreStored() {
		this.runner.withUserConfiguration(ApplicationPackage.class)
			.withPropertyValues("scaleout.session.trusted-packages=com.example.cart",
					"spring.session.data.redis.namespace=shop")
			.run((context) -> assertThat(report(context).setUp()).containsExactly("Sessions in Redis as JSON, "
					+ "namespace shop, trusted packages dev.scaleout.session, com.example.cart besides the JDK's "
					+ "value types and Spring's session types"));
	}

	@Test
	void reportsEachRefusedTypeWithTheSettingThatAllowsIt() {
		this.runner.withPropertyValues("scaleout.session.trusted-packages=com.example.cart").run((context) -> {
			TolerantSessionSerializer serializer = (TolerantSessionSerializer) context
				.getBean("springSessionDefaultRedisSerializer");
			Cart cart = new Cart();
			assertThat(serializer.serialize("cart", cart)).isEmpty();
			assertThat(serializer.serialize("otherCart", cart)).isEmpty();
			assertThat(report(context).findings()).containsExactly(new Finding("session-type-refused",
					"Session attribute 'cart' was not stored in Redis: " + Cart.class.getName()
							+ " is not a trusted type; it is lost when the next request goes to another replica",
					"To allow it, set scaleout.session.trusted-packages=com.example.cart,dev.scaleout.session."));
		});
	}

	@Test
	void reportsEachSessionScopedBeanAsASessionAttribute() {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(RedisSessionAutoConfiguration.class))
			.withUserConfiguration(SessionScopedCart.class)
			.run((context) -> assertThat(report(context).findings()).containsExactly(new Finding("session-scoped-bean",
					"Session-scoped bean 'cart' (" + Cart.class.getName() + ") is stored in the session as "
							+ "attribute 'scopedTarget.cart', so every replica writes and reads it as JSON",
					"Keep it readable by Jackson (a record, or a class with a constructor Jackson can use, holding "
							+ "only such values) and trust its package: "
							+ "scaleout.session.trusted-packages=dev.scaleout.session.")));
	}

	/**
	 * Runs the session check into a report as the report's collector would; its builder is not public.
	 */
	private static ReplicationReport report(ApplicationContext context) throws ReflectiveOperationException {
		ReplicationCheck check = context.getBean("sessionReplicationCheck", ReplicationCheck.class);
		Constructor<ReplicationReport.Builder> constructor = ReplicationReport.Builder.class.getDeclaredConstructor();
		constructor.setAccessible(true);
		ReplicationReport.Builder builder = constructor.newInstance();
		check.inspect(builder);
		Method build = ReplicationReport.Builder.class.getDeclaredMethod("build", String.class);
		build.setAccessible(true);
		return (ReplicationReport) build.invoke(builder, "test");
	}

	@SuppressWarnings("unchecked")
	private static RedisSerializer<Object> serializer(Object bean) {
		return (RedisSerializer<Object>) bean;
	}

	@Configuration(proxyBeanMethods = false)
	@AutoConfigurationPackage
	static class ApplicationPackage {

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnSerializer {

		static final RedisSerializer<Object> SERIALIZER = RedisSerializer.java();

		@Bean
		RedisSerializer<Object> springSessionDefaultRedisSerializer() {
			return SERIALIZER;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class SessionScopedCart {

		@Bean
		@SessionScope
		Cart cart() {
			return new Cart();
		}

	}

	public static class Cart {

		private int items;

		public int getItems() {
			return this.items;
		}

		public void setItems(int items) {
			this.items = items;
		}

	}

}
