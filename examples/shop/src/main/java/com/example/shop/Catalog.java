package com.example.shop;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * What the shop sells. Fixed data, the same on every replica.
 */
@Component
public class Catalog {

	private final List<Product> products = List.of(new Product("tea", "Green tea", new BigDecimal("4.50")),
			new Product("coffee", "Coffee beans", new BigDecimal("9.90")),
			new Product("cocoa", "Cocoa", new BigDecimal("3.20")));

	public List<Product> all() {
		return this.products;
	}

	public Optional<Product> find(String id) {
		return this.products.stream().filter((product) -> product.id().equals(id)).findFirst();
	}

}
