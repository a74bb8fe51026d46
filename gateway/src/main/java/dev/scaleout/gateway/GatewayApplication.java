package dev.scaleout.gateway;

import java.security.Security;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The Scaleout gateway: one front door that balances requests across the app's replicas.
 */
@SpringBootApplication
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
