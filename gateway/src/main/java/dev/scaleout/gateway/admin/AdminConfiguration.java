package dev.scaleout.gateway.admin;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.scaleout.gateway.actuate.BackendReports;
import dev.scaleout.gateway.discovery.BackendPool;
import dev.scaleout.gateway.operator.OperatorControl;

/**
 * The admin server, on unless {@code scaleout.gateway.admin.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AdminProperties.class)
@ConditionalOnProperty(name = "scaleout.gateway.admin.enabled", matchIfMissing = true)
public final class AdminConfiguration {

	@Bean
	AdminServer adminServer(AdminProperties properties, BackendPool pool, BackendReports reports,
			OperatorControl operator) {
		return new AdminServer(properties, new ReplicasApi(pool, reports, operator, properties));
	}

}
