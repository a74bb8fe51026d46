package dev.scaleout.test.redis;

/**
 * One way of running a real Redis server on a fixed loopback port.
 */
interface RedisBackend extends AutoCloseable {

	void start();

	void stop();

	@Override
	void close();

	String host();

	int port();

	String kind();

}
