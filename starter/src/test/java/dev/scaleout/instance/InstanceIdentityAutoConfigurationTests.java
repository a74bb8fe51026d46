package dev.scaleout.instance;

import java.util.Map;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

class InstanceIdentityAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(InstanceIdentityAutoConfiguration.class));

	@Test
	void defaultIdIsHostNameDashPid() {
		this.runner.run((context) -> assertThat(context.getBean(InstanceId.class).value())
			.endsWith("-" + ProcessHandle.current().pid())
			.matches("[A-Za-z0-9._:-]+"));
	}

	@Test
	void configuredIdIsUsed() {
		this.runner.withPropertyValues("scaleout.instance.id=replica-7")
			.run((context) -> assertThat(context.getBean(InstanceId.class)).hasToString("replica-7"));
	}

	@Test
	void everyResponseCarriesTheIdInTheHeader() {
		this.runner.withPropertyValues("scaleout.instance.id=replica-7").run((context) -> {
			MockHttpServletResponse response = filter(context.getBean(InstanceIdFilter.class));
			assertThat(response.getHeader("X-Instance-Id")).isEqualTo("replica-7");
		});
	}

	@Test
	void headerNameCanBeChanged() {
		this.runner.withPropertyValues("scaleout.instance.id=a", "scaleout.instance.header-name=X-Served-By")
			.run((context) -> assertThat(filter(context.getBean(InstanceIdFilter.class)).getHeader("X-Served-By"))
				.isEqualTo("a"));
	}

	@Test
	void headerCanBeSwitchedOff() {
		this.runner.withPropertyValues("scaleout.instance.header-enabled=false").run((context) -> {
			MockHttpServletResponse response = filter(context.getBean(InstanceIdFilter.class));
			assertThat(response.getHeaderNames()).doesNotContain("X-Instance-Id");
		});
	}

	@Test
	void infoNamesTheInstanceAndPid() {
		this.runner.withPropertyValues("scaleout.instance.id=replica-7").run((context) -> {
			Info.Builder builder = new Info.Builder();
			context.getBean(InstanceInfoContributor.class).contribute(builder);
			assertThat(builder.build().getDetails()).containsEntry("instance",
					Map.of("id", "replica-7", "pid", ProcessHandle.current().pid()));
		});
	}

	@Test
	void backsOffWhenTheApplicationDefinesItsOwnId() {
		this.runner.withUserConfiguration(OwnId.class)
			.run((context) -> assertThat(context).getBean(InstanceId.class).hasToString("mine"));
	}

	@Test
	void everyResponseOfAReactiveAppCarriesTheIdInTheHeader() {
		new ReactiveWebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(InstanceIdentityAutoConfiguration.class))
			.withPropertyValues("scaleout.instance.id=replica-9", "scaleout.instance.header-name=X-Served-By")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(InstanceIdFilter.class);
				MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/"));
				context.getBean(InstanceIdWebFilter.class).filter(exchange, (filtered) -> Mono.empty()).block();
				assertThat(exchange.getResponse().getHeaders().getFirst("X-Served-By")).isEqualTo("replica-9");
			});
	}

	@Test
	void aReactiveAppsHeaderCanBeSwitchedOff() {
		new ReactiveWebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(InstanceIdentityAutoConfiguration.class))
			.withPropertyValues("scaleout.instance.header-enabled=false")
			.run((context) -> assertThat(context).hasSingleBean(InstanceId.class)
				.doesNotHaveBean(InstanceIdWebFilter.class));
	}

	@Test
	void noFilterOutsideAServletWebApplication() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(InstanceIdentityAutoConfiguration.class))
			.run((context) -> assertThat(context).hasSingleBean(InstanceId.class)
				.doesNotHaveBean(InstanceIdFilter.class));
	}

	@Test
	void invalidIdFailsStartupNamingTheProperty() {
		this.runner.withPropertyValues("scaleout.instance.id=has spaces").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("scaleout.instance.id")
				.hasMessageContaining("must be 1 to 128 letters, digits or . _ : -");
		});
	}

	@Test
	void invalidHeaderNameFailsStartupNamingTheProperty() {
		this.runner.withPropertyValues("scaleout.instance.header-name=X Instance").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("scaleout.instance.header-name");
		});
	}

	private static MockHttpServletResponse filter(InstanceIdFilter filter) throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		filter.doFilter(new MockHttpServletRequest("GET", "/"), response, new MockFilterChain());
		return response;
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnId {

		@Bean
		InstanceId myInstanceId() {
			return new InstanceId("mine");
		}

	}

}
