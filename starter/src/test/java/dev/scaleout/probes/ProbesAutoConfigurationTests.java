package dev.scaleout.probes;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.server.SecurityWebFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

class ProbesAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SecurityAutoConfiguration.class,
				UserDetailsServiceAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class,
				ManagementWebSecurityAutoConfiguration.class, EndpointAutoConfiguration.class,
				WebEndpointAutoConfiguration.class, HealthContributorAutoConfiguration.class,
				HealthContributorRegistryAutoConfiguration.class, HealthEndpointAutoConfiguration.class,
				DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class,
				ProbesAutoConfiguration.class));

	private final ReactiveWebApplicationContextRunner reactiveRunner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ReactiveUserDetailsServiceAutoConfiguration.class,
				ReactiveWebSecurityAutoConfiguration.class, ReactiveManagementWebSecurityAutoConfiguration.class,
				EndpointAutoConfiguration.class, WebEndpointAutoConfiguration.class,
				HealthContributorAutoConfiguration.class, HealthContributorRegistryAutoConfiguration.class,
				HealthEndpointAutoConfiguration.class, WebFluxAutoConfiguration.class, ProbesAutoConfiguration.class));

	@Test
	void springBootsDefaultChainStaysBesideTheProbes() {
		this.runner.run((context) -> {
			assertThat(context).hasBean(ProbesAutoConfiguration.CHAIN_NAME).hasBean("managementSecurityFilterChain");
			assertThat(context.getBeanProvider(SecurityFilterChain.class).orderedStream().findFirst())
				.hasValue(context.getBean(ProbesAutoConfiguration.CHAIN_NAME, SecurityFilterChain.class));
		});
	}

	@Test
	void comesBeforeTheApplicationsChains() {
		this.runner.withUserConfiguration(OwnChainConfiguration.class).run((context) -> {
			assertThat(context).hasBean(ProbesAutoConfiguration.CHAIN_NAME).hasBean("ownChain");
			assertThat(context.getBeanProvider(SecurityFilterChain.class).orderedStream().findFirst())
				.hasValue(context.getBean(ProbesAutoConfiguration.CHAIN_NAME, SecurityFilterChain.class));
		});
	}

	@Test
	void backsOffForAnApplicationChainOrderedBeforeIt() {
		this.runner.withUserConfiguration(EarlierChainConfiguration.class)
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(ProbesAutoConfiguration.CHAIN_NAME)
				.doesNotHaveBean(OpenProbesCheck.class));
	}

	@Test
	void backsOffForABeanOfTheSameName() {
		this.runner.withUserConfiguration(SameNameConfiguration.class)
			.run((context) -> assertThat(context.getBean(ProbesAutoConfiguration.CHAIN_NAME))
				.isSameAs(context.getBean(SameNameConfiguration.class).chain));
	}

	@Test
	void canBeSwitchedOff() {
		this.runner.withPropertyValues("scaleout.probes.open=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ProbesAutoConfiguration.CHAIN_NAME)
				.doesNotHaveBean(OpenProbesCheck.class));
	}

	@Test
	void needsSpringSecurity() {
		this.runner.withClassLoader(new FilteredClassLoader(SecurityFilterChain.class))
			.run((context) -> assertThat(context).doesNotHaveBean(ProbesAutoConfiguration.CHAIN_NAME)
				.doesNotHaveBean(OpenProbesCheck.class));
	}

	@Test
	void aGroupThatIsNotAGroupNameFailsStartupNamingTheProperty() {
		this.runner.withPropertyValues("scaleout.probes.groups=liveness,/readyz")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("scaleout.probes.groups")
				.hasMessageContaining("/readyz"));
	}

	@Test
	void reportsTheOpenProbes() {
		this.runner.run((context) -> assertThat(context.getBean(OpenProbesCheck.class).describe())
			.startsWith("Health probes liveness, readiness answer without credentials and create no session"));
		assertThat(new OpenProbesCheck(List.of("startup")).describe()).contains("probes startup answer");
	}

	@Test
	void reactiveApplicationsGetTheProbesChainFirstAndSpringBootsDefaultChainStays() {
		this.reactiveRunner.run((context) -> {
			assertThat(context).hasBean(ProbesAutoConfiguration.CHAIN_NAME)
				.hasSingleBean(OpenProbesCheck.class)
				.getBeans(SecurityWebFilterChain.class)
				.hasSize(2);
			assertThat(context.getBeanProvider(SecurityWebFilterChain.class).orderedStream().findFirst())
				.hasValue(context.getBean(ProbesAutoConfiguration.CHAIN_NAME, SecurityWebFilterChain.class));
		});
	}

	@Test
	void reactiveApplicationsGetTheProbesChainBeforeTheirOwn() {
		this.reactiveRunner.withUserConfiguration(OwnWebFilterChainConfiguration.class).run((context) -> {
			assertThat(context).hasBean(ProbesAutoConfiguration.CHAIN_NAME).hasBean("ownChain");
			assertThat(context.getBeanProvider(SecurityWebFilterChain.class).orderedStream().findFirst())
				.hasValue(context.getBean(ProbesAutoConfiguration.CHAIN_NAME, SecurityWebFilterChain.class));
		});
	}

	@Test
	void reactiveProbesBackOffForAnApplicationChainOrderedBeforeThem() {
		this.reactiveRunner.withUserConfiguration(EarlierWebFilterChainConfiguration.class)
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(ProbesAutoConfiguration.CHAIN_NAME)
				.doesNotHaveBean(OpenProbesCheck.class));
	}

	@Test
	void reactiveProbesCanBeSwitchedOff() {
		this.reactiveRunner.withPropertyValues("scaleout.probes.open=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ProbesAutoConfiguration.CHAIN_NAME));
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnWebFilterChainConfiguration {

		@Bean
		@Order(1)
		SecurityWebFilterChain ownChain(ServerHttpSecurity http) {
			return http.authorizeExchange((exchanges) -> exchanges.anyExchange().authenticated()).build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class EarlierWebFilterChainConfiguration {

		@Bean
		@Order(Ordered.HIGHEST_PRECEDENCE)
		SecurityWebFilterChain earlierChain(ServerHttpSecurity http) {
			return http.authorizeExchange((exchanges) -> exchanges.anyExchange().authenticated()).build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnChainConfiguration {

		@Bean
		@Order(1)
		SecurityFilterChain ownChain(HttpSecurity http) {
			return http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated()).build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class EarlierChainConfiguration {

		@Bean
		@Order(Ordered.HIGHEST_PRECEDENCE)
		SecurityFilterChain earlierChain(HttpSecurity http) {
			return http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated()).build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class SameNameConfiguration {

		private SecurityFilterChain chain;

		@Bean(ProbesAutoConfiguration.CHAIN_NAME)
		SecurityFilterChain ownProbesChain(HttpSecurity http) {
			this.chain = http.securityMatcher("/probes").build();
			return this.chain;
		}

	}

}
