package dev.scaleout.forwarded;

import dev.scaleout.report.ReplicationCheck;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.tomcat.autoconfigure.TomcatServerProperties;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration that reports the proxies a replica takes forwarded headers from. The headers themselves are
 * Spring Boot's {@code server.forward-headers-strategy=native} on Tomcat, which
 * {@link ForwardedHeadersEnvironmentPostProcessor} defaults.
 */
@AutoConfiguration(after = TomcatServletWebServerAutoConfiguration.class)
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass(TomcatServerProperties.class)
@ConditionalOnBean(TomcatServerProperties.class)
@ConditionalOnProperty(name = ForwardedHeadersEnvironmentPostProcessor.STRATEGY, havingValue = "native")
public final class ForwardedHeadersAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "forwardedHeadersCheck")
	ReplicationCheck forwardedHeadersCheck(TomcatServerProperties tomcat) {
		return new ForwardedHeadersCheck(tomcat.getRemoteip());
	}

}
