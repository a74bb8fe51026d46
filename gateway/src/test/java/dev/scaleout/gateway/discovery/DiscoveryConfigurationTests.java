package dev.scaleout.gateway.discovery;

import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Which {@link BackendPool} the discovery settings produce.
 */
class DiscoveryConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withUserConfiguration(DiscoveryConfiguration.class);

	@Test
	void usesTheStaticListByDefault() {
		this.contextRunner.withPropertyValues("scaleout.gateway.backends=http://10.0.0.1:8080,http://10.0.0.2:8080")
			.run((context) -> assertThat(context.getBean(BackendPool.class).backends()).extracting(Backend::getUri)
				.containsExactly(URI.create("http://10.0.0.1:8080"), URI.create("http://10.0.0.2:8080")));
	}

	@Test
	void resolvesTheDnsHostWithTheHostResolverBean() {
		this.contextRunner
			.withPropertyValues("scaleout.gateway.discovery=dns", "scaleout.gateway.dns.host=app",
					"scaleout.gateway.dns.port=9000")
			.withBean(HostResolver.class, () -> (host) -> List.of(InetAddress.getByName("10.1.2.3")))
			.run((context) -> assertThat(context.getBean(BackendPool.class).backends()).extracting(Backend::getUri)
				.containsExactly(URI.create("http://10.1.2.3:9000")));
	}

	@Test
	void resolvesTheDnsHostAgainEveryRefreshInterval() {
		AtomicReference<String> address = new AtomicReference<>("10.1.2.3");
		this.contextRunner
			.withPropertyValues("scaleout.gateway.discovery=dns", "scaleout.gateway.dns.host=app",
					"scaleout.gateway.dns.refresh-interval=50ms")
			.withBean(HostResolver.class, () -> (host) -> List.of(InetAddress.getByName(address.get())))
			.run((context) -> {
				address.set("10.1.2.4");
				await().atMost(Duration.ofSeconds(2))
					.untilAsserted(() -> assertThat(context.getBean(BackendPool.class).backends())
						.extracting(Backend::getHost)
						.containsExactly("10.1.2.4"));
			});
	}

	@Test
	void failsOnAMalformedBackendNamingTheProperty() {
		this.contextRunner.withPropertyValues("scaleout.gateway.backends=ftp://10.0.0.1")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("scaleout.gateway.backends"));
	}

	@Test
	void failsOnAnUnknownDiscoveryMode() {
		this.contextRunner.withPropertyValues("scaleout.gateway.discovery=consul")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("scaleout.gateway.discovery"));
	}

}
