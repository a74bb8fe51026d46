package com.example.shop;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small shop as many Spring MVC apps are written: Thymeleaf pages, a login for every URL, a cart in the HTTP
 * session, redirect-after-POST with flash messages. Nothing in it knows that it runs as many replicas; the
 * Scaleout starter in its pom is the only change.
 */
@SpringBootApplication
public class ShopApplication {

	public static void main(String[] args) {
		SpringApplication.run(ShopApplication.class, args);
	}

}
