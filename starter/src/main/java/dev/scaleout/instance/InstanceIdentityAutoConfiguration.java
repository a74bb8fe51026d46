package dev.scaleout.instance;

import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration of the replica's {@link InstanceId}: in a response header, the logging MDC and
 * {@code /actuator/info}.
 *
 * @see InstanceProperties
 */
@AutoConfiguration
@EnableConfigurationProperties(InstanceProperties.class)
public final class InstanceIdentityAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	InstanceId instanceId(InstanceProperties properties) {
		return new InstanceId(properties.id());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.SERVLET)
	static class ServletInstanceIdConfiguration {

		@Bean
		@ConditionalOnMissingBean
		InstanceIdFilter instanceIdFilter(InstanceId instanceId, InstanceProperties properties) {
			return new InstanceIdFilter(instanceId, properties.headerEnabled() ? properties.headerName() : null);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.REACTIVE)
	@ConditionalOnBooleanProperty(name = "scaleout.instance.header-enabled", matchIfMissing = true)
	static class ReactiveInstanceIdConfiguration {

		@Bean
		@ConditionalOnMissingBean
		InstanceIdWebFilter instanceIdWebFilter(InstanceId instanceId, InstanceProperties properties) {
			return new InstanceIdWebFilter(instanceId, properties.headerName());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(InfoContributor.class)
	static class InstanceInfoConfiguration {

		@Bean
		@ConditionalOnMissingBean
		InstanceInfoContributor instanceInfoContributor(InstanceId instanceId) {
			return new InstanceInfoContributor(instanceId);
		}

	}

}
