package dev.scaleout.forwarded;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.reactor.netty.autoconfigure.NettyReactiveWebServerAutoConfiguration;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.web.server.adapter.ForwardedHeaderTransformer;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;

import static org.assertj.core.api.Assertions.assertThat;

class ForwardedHeadersAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(TomcatServletWebServerAutoConfiguration.class,
				ForwardedHeadersAutoConfiguration.class));

	private final ReactiveWebApplicationContextRunner reactiveRunner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(NettyReactiveWebServerAutoConfiguration.class,
				ForwardedHeadersAutoConfiguration.class));

	@Test
	void reportNamesTheTrustedProxies() {
		this.runner.withPropertyValues("server.forward-headers-strategy=native").run((context) -> {
			assertThat(context).hasSingleBean(ForwardedHeadersCheck.class);
			assertThat(context.getBean(ForwardedHeadersCheck.class).describe())
				.startsWith("Forwarded headers (X-Forwarded-For, -Proto, -Host, -Port) honoured from trusted proxies")
				.contains("10.0.0.0/8")
				.contains("127.0.0.0/8")
				.contains("server.tomcat.remoteip.internal-proxies");
		});
	}

	@Test
	void reportNamesTheProxiesTheApplicationTrusts() {
		this.runner
			.withPropertyValues("server.forward-headers-strategy=native",
					"server.tomcat.remoteip.internal-proxies=10.1.0.0/16")
			.run((context) -> assertThat(context.getBean(ForwardedHeadersCheck.class).describe())
				.contains("10.1.0.0/16")
				.doesNotContain("127.0.0.0/8"));
	}

	@Test
	void onNettyTheStartersTransformerTakesThePlaceOfSpringBootsTrustingOne() {
		this.reactiveRunner.withPropertyValues("server.forward-headers-strategy=framework").run((context) -> {
			assertThat(context).getBean(ForwardedHeaderTransformer.class)
				.isInstanceOf(TrustedProxiesForwardedHeaderTransformer.class);
			assertThat(context).hasBean(WebHttpHandlerBuilder.FORWARDED_HEADER_TRANSFORMER_BEAN_NAME);
			assertThat(context.getBean(ForwardedHeadersCheck.class).describe())
				.startsWith("Forwarded headers (X-Forwarded-For, -Proto, -Host, -Port) honoured from trusted proxies")
				.contains("10.0.0.0/8")
				.contains("127.0.0.0/8")
				.contains("scaleout.forwarded.internal-proxies");
		});
	}

	@Test
	void onNettyTheApplicationSwitchesForwardedHeadersOffWithTheStrategy() {
		this.reactiveRunner.withPropertyValues("server.forward-headers-strategy=none")
			.run((context) -> assertThat(context).doesNotHaveBean(ForwardedHeaderTransformer.class)
				.doesNotHaveBean(ForwardedHeadersCheck.class));
	}

	@Test
	void anInternalProxyThatIsNotACidrRangeFailsStartupNamingTheProperty() {
		this.reactiveRunner
			.withPropertyValues("server.forward-headers-strategy=framework",
					"scaleout.forwarded.internal-proxies=gateway.internal")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.hasMessageContaining("scaleout.forwarded.internal-proxies")
					.hasMessageContaining("CIDR ranges");
			});
	}

	@Test
	void nothingIsReportedWhenForwardedHeadersAreNotNative() {
		this.runner.withPropertyValues("server.forward-headers-strategy=none")
			.run((context) -> assertThat(context).doesNotHaveBean(ForwardedHeadersCheck.class));
	}

}
