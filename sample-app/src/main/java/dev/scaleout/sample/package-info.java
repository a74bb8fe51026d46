/**
 * The Scaleout sample app: a stateless web app built on the starter.
 */
@NullMarked
package dev.scaleout.sample;

import org.jspecify.annotations.NullMarked;
