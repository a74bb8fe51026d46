/**
 * Time that tests control.
 */
package dev.scaleout.test.time;
