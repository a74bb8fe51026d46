/**
 * Real HTTP fixtures on loopback for gateway tests: replicas that can be slowed, failed
 * and killed.
 */
package dev.scaleout.test.http;
