/**
 * The example cart.
 */
@NullMarked
package com.example.cart;

import org.jspecify.annotations.NullMarked;
