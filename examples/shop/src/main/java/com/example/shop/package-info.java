/**
 * The example shop.
 */
@NullMarked
package com.example.shop;

import org.jspecify.annotations.NullMarked;
