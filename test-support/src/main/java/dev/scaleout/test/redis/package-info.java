/**
 * A real Redis server for tests, shared by every module's test suite.
 */
package dev.scaleout.test.redis;
