package com.example.shop;

import java.math.BigDecimal;

/**
 * Something the shop sells.
 *
 * @param id the id used in forms
 * @param name the name shown
 * @param price the unit price in euros
 */
public record Product(String id, String name, BigDecimal price) {

}
