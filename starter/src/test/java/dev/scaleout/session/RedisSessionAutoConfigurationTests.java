package dev.scaleout.session;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.serializer.RedisSerializer;

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
