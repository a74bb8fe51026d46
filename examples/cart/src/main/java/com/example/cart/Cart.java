package com.example.cart;

import java.util.ArrayList;
import java.util.List;

/**
 * What a customer is about to buy: immutable, kept in the session under {@link #ATTRIBUTE}.
 *
 * @param lines one line per article, in the order they were first added
 */
public record Cart(List<Line> lines) {

	/**
	 * The session attribute that holds the cart.
	 */
	public static final String ATTRIBUTE = "cart";

	public Cart {
		lines = List.copyOf(lines);
	}

	static Cart empty() {
		return new Cart(List.of());
	}

	/**
	 * This cart with {@code quantity} more of {@code sku}.
	 * @param sku the article
	 * @param quantity how many more
	 * @return the new cart
	 */
	Cart add(String sku, int quantity) {
		List<Line> more = new ArrayList<>();
		boolean found = false;
		for (Line line : this.lines) {
			if (line.sku().equals(sku)) {
				more.add(new Line(sku, line.quantity() + quantity));
				found = true;
			}
			else {
				more.add(line);
			}
		}
		if (!found) {
			more.add(new Line(sku, quantity));
		}
		return new Cart(more);
	}

	/**
	 * One article in the cart.
	 *
	 * @param sku the article's stock-keeping unit
	 * @param quantity how many
	 */
	public record Line(String sku, int quantity) {
	}

}
