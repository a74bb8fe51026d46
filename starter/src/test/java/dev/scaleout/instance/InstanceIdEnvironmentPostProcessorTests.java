package dev.scaleout.instance;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class InstanceIdEnvironmentPostProcessorTests {

	private final InstanceIdEnvironmentPostProcessor postProcessor = new InstanceIdEnvironmentPostProcessor();

	@Test
	void settlesADefaultIdOnceSoLogsHeadersAndInfoAgree() {
		MockEnvironment environment = new MockEnvironment();
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("scaleout.instance.id")).isEqualTo(DefaultInstanceId.get());
	}

	@Test
	void keepsAConfiguredId() {
		MockEnvironment environment = new MockEnvironment().withProperty("scaleout.instance.id", "mine");
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("scaleout.instance.id")).isEqualTo("mine");
	}

	@Test
	void putsTheIdIntoEveryLogLine() {
		MockEnvironment environment = new MockEnvironment().withProperty("scaleout.instance.id", "mine");
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("logging.pattern.level")).isEqualTo("%5p [mine]");
	}

	@Test
	void applicationLogPatternWins() {
		MockEnvironment environment = new MockEnvironment().withProperty("logging.pattern.level", "%p");
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("logging.pattern.level")).isEqualTo("%p");
	}

	@Test
	void defaultIdReplacesCharactersAHeaderCannotCarry() {
		assertThat(DefaultInstanceId.of("my host/1", 42)).isEqualTo("my-host-1-42");
	}

}
