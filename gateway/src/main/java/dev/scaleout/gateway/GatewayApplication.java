package dev.scaleout.gateway;

import java.security.Security;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cloud.gateway.config.GatewayNoLoadBalancerClientAutoConfiguration;

import dev.scaleout.gateway.balancing.BackendChoiceFilter;

/**
 * The Scaleout gateway: one front door that balances requests across the app's replicas.
 * Its {@link BackendChoiceFilter} routes {@code lb://} URLs; Spring Cloud Gateway's filter
 * that fails them when Spring Cloud LoadBalancer is absent would only be one more step per
 * request.
 */
@SpringBootApplication(exclude = GatewayNoLoadBalancerClientAutoConfiguration.class)
public class GatewayApplication {

	public static void main(String[] args) {
		// DNS discovery re-resolves every few seconds; the JVM must not answer from a
		// 30-second cache. An operator's own setting wins.
		if (Security.getProperty("networkaddress.cache.ttl") == null) {
			Security.setProperty("networkaddress.cache.ttl", "1");
		}
		SpringApplication.run(GatewayApplication.class, args);
	}

}
