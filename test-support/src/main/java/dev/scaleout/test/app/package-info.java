/**
 * Running Spring Boot applications as replicas in a test, and talking to them like a browser.
 */
package dev.scaleout.test.app;
