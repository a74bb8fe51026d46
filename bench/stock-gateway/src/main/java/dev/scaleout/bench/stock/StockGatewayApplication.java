package dev.scaleout.bench.stock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Stock Spring Cloud Gateway as the bench's baseline: one route, {@code lb://backends}, Spring Cloud
 * LoadBalancer's default round robin over a simple discovery list; every other setting is a default.
 */
@SpringBootApplication
public class StockGatewayApplication {

	public static void main(String[] args) {
		SpringApplication.run(StockGatewayApplication.class, args);
	}

}
