package dev.scaleout.forwarded;

import dev.scaleout.report.ReplicationCheck;
import io.netty.handler.ipfilter.IpSubnetFilterRule;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.autoconfigure.TomcatServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.server.adapter.ForwardedHeaderTransformer;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;

/**
 * Auto-configuration of forwarded headers, which {@link ForwardedHeadersEnvironmentPostProcessor} switches on: on
 * Tomcat they are Spring Boot's {@code server.forward-headers-strategy=native}, and this only reports the proxies a
 * replica takes them from; on Reactor Netty they are {@code framework}, served by a
 * {@link TrustedProxiesForwardedHeaderTransformer} in place of Spring Boot's transformer, which trusts every client.
 *
 * @see ForwardedProperties
 */
@AutoConfiguration(
		afterName = "org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration",
		beforeName = "org.springframework.boot.reactor.netty.autoconfigure.NettyReactiveWebServerAutoConfiguration")
public final class ForwardedHeadersAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.SERVLET)
	@ConditionalOnClass(TomcatServerProperties.class)
	@ConditionalOnBean(TomcatServerProperties.class)
	@ConditionalOnProperty(name = ForwardedHeadersEnvironmentPostProcessor.STRATEGY, havingValue = "native")
	static class TomcatForwardedHeadersConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "forwardedHeadersCheck")
		ReplicationCheck forwardedHeadersCheck(TomcatServerProperties tomcat) {
			return new ForwardedHeadersCheck(tomcat.getRemoteip().getInternalProxies(),
					"server.tomcat.remoteip.internal-proxies", tomcat.getRemoteip().getTrustedProxies());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.REACTIVE)
	@ConditionalOnClass(name = "reactor.netty.http.server.HttpServer",
			value = { ForwardedHeaderTransformer.class, IpSubnetFilterRule.class })
	@ConditionalOnProperty(name = ForwardedHeadersEnvironmentPostProcessor.STRATEGY, havingValue = "framework")
	@EnableConfigurationProperties(ForwardedProperties.class)
	static class NettyForwardedHeadersConfiguration {

		/**
		 * Named as WebFlux looks the transformer up, and so in the place of Spring Boot's.
		 */
		@Bean(WebHttpHandlerBuilder.FORWARDED_HEADER_TRANSFORMER_BEAN_NAME)
		@ConditionalOnMissingBean(ForwardedHeaderTransformer.class)
		TrustedProxiesForwardedHeaderTransformer forwardedHeaderTransformer(ForwardedProperties properties) {
			return new TrustedProxiesForwardedHeaderTransformer(properties.internalProxies());
		}

		@Bean
		@ConditionalOnBean(TrustedProxiesForwardedHeaderTransformer.class)
		@ConditionalOnMissingBean(name = "forwardedHeadersCheck")
		ReplicationCheck forwardedHeadersCheck(ForwardedProperties properties) {
			return new ForwardedHeadersCheck(String.join(", ", properties.internalProxies()),
					"scaleout.forwarded.internal-proxies", null);
		}

	}

}
