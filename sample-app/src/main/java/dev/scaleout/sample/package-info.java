/**
 * The Scaleout sample app: a stateless web app built on the starter.
 */
package dev.scaleout.sample;
