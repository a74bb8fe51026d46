package dev.scaleout.session;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.scaleout.test.redis.TestRedis;
import io.lettuce.core.event.command.CommandListener;
import io.lettuce.core.event.command.CommandStartedEvent;

import org.springframework.data.redis.connection.RedisConfiguration;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * A Lettuce connection for the session repository's tests that records every command it sends, with the name of
 * the thread that sent it — the way the tests count round trips — and makes repositories on it in the session
 * format.
 */
final class RecordingConnection implements AutoCloseable {

	private final LettuceConnectionFactory factory;

	private final List<Command> sent = new CopyOnWriteArrayList<>();

	private RecordingConnection(RedisConfiguration configuration) {
		this.factory = new LettuceConnectionFactory(configuration);
		this.factory.afterPropertiesSet();
		this.factory.start();
		this.factory.getRequiredNativeClient().addListener(new CommandListener() {

			@Override
			public void commandStarted(CommandStartedEvent event) {
				RecordingConnection.this.sent
					.add(new Command(Thread.currentThread().getName(), event.getCommand().getType().toString()));
			}

		});
	}

	/**
	 * A connection to a standalone test server.
	 * @param redis the server
	 * @return the connection, started
	 */
	static RecordingConnection to(TestRedis redis) {
		return new RecordingConnection(new RedisStandaloneConfiguration(redis.host(), redis.port()));
	}

	/**
	 * A connection to any Redis, a cluster for instance.
	 * @param configuration where Redis is
	 * @return the connection, started
	 */
	static RecordingConnection to(RedisConfiguration configuration) {
		return new RecordingConnection(configuration);
	}

	LettuceConnectionFactory factory() {
		return this.factory;
	}

	/**
	 * A repository on this connection, writing the session format that trusts no package of its own.
	 * @return the repository, with Spring Session's default namespace and settings
	 */
	ScriptedRedisSessionRepository repository() {
		return ScriptedRedisSessionRepository.on(this.factory, serializer());
	}

	/**
	 * The session format that trusts no package of its own.
	 * @return a new serializer
	 */
	static TolerantSessionSerializer serializer() {
		return new TolerantSessionSerializer(SessionJson.serializer(RecordingConnection.class.getClassLoader(),
				List.of()), List.of());
	}

	/**
	 * The types of the commands sent since the last {@link #forget()}, in order, e.g. {@code HGETALL}.
	 * @return the command types
	 */
	List<String> commands() {
		return this.sent.stream().map(Command::type).toList();
	}

	/**
	 * The types of the commands one thread sent since the last {@link #forget()}.
	 * @param thread the thread's name
	 * @return the command types
	 */
	List<String> commandsOf(String thread) {
		return this.sent.stream().filter((command) -> command.thread().equals(thread)).map(Command::type).toList();
	}

	/**
	 * Every command sent since the last {@link #forget()}, with its thread.
	 * @return the commands
	 */
	List<Command> sent() {
		return List.copyOf(this.sent);
	}

	void forget() {
		this.sent.clear();
	}

	@Override
	public void close() {
		this.factory.destroy();
	}

	/**
	 * One command sent to Redis.
	 *
	 * @param thread the name of the thread that sent it
	 * @param type its type, e.g. {@code EVALSHA}
	 */
	record Command(String thread, String type) {

	}

}
