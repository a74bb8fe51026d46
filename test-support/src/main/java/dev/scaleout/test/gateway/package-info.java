/**
 * The Scaleout gateway as its users run it: its jar in a child process, in front of real replicas on loopback.
 */
package dev.scaleout.test.gateway;
