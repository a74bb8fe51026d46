package com.example.shop;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A customer's cart, kept in the HTTP session. Immutable: adding a product gives a new cart, which the controller
 * stores again, so that the session sees every change.
 *
 * @param lines one line per product
 */
public record Cart(List<Line> lines) {

	/**
	 * The cart a customer starts with.
	 */
	public static final Cart EMPTY = new Cart(List.of());

	public Cart {
		lines = List.copyOf(lines);
	}

	/**
	 * A cart with one more of {@code product}.
	 * @param product the product to add
	 * @return the new cart
	 */
	public Cart add(Product product) {
		List<Line> added = new ArrayList<>();
		boolean found = false;
		for (Line line : this.lines) {
			if (line.productId().equals(product.id())) {
				added.add(new Line(line.productId(), line.name(), line.quantity() + 1, line.unitPrice()));
				found = true;
			}
			else {
				added.add(line);
			}
		}
		if (!found) {
			added.add(new Line(product.id(), product.name(), 1, product.price()));
		}
		return new Cart(added);
	}

	public int count() {
		return this.lines.stream().mapToInt(Line::quantity).sum();
	}

	public BigDecimal total() {
		return this.lines.stream()
			.map((line) -> line.unitPrice().multiply(BigDecimal.valueOf(line.quantity())))
			.reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	/**
	 * One product in the cart.
	 *
	 * @param productId the product's id
	 * @param name its name
	 * @param quantity how many
	 * @param unitPrice its price when it was added
	 */
	public record Line(String productId, String name, int quantity, BigDecimal unitPrice) {

	}

}
