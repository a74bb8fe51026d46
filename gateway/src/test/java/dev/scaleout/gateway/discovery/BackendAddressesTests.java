package dev.scaleout.gateway.discovery;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Parsing of {@code scaleout.gateway.backends}.
 */
class BackendAddressesTests {

	@Test
	void parsesBaseUrlsWithOptionalWeights() {
		List<Backend> backends = BackendAddresses.parse(List.of("http://10.0.0.1:8080;weight=3", " https://b.example/ ",
				""));
		assertThat(backends).extracting(Backend::getUri)
			.containsExactly(URI.create("http://10.0.0.1:8080"), URI.create("https://b.example"));
		assertThat(backends).extracting(Backend::weight).containsExactly(3, 1);
		assertThat(backends.get(1).getPort()).isEqualTo(443);
	}

	@Test
	void rejectsAUrlWithoutScheme() {
		assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class)
			.isThrownBy(() -> BackendAddresses.parse(List.of("localhost:8080")))
			.withMessageContaining("scaleout.gateway.backends")
			.withMessageContaining("http://host:port");
	}

	@Test
	void rejectsAZeroWeight() {
		assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class)
			.isThrownBy(() -> BackendAddresses.parse(List.of("http://a:1;weight=0")))
			.withMessageContaining("at least 1");
	}

	@Test
	void rejectsTheSameBackendTwice() {
		assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class)
			.isThrownBy(() -> BackendAddresses.parse(List.of("http://a:1", "http://a:1/")))
			.withMessageContaining("listed twice");
	}

}
