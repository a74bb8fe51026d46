package dev.scaleout.redis;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisException;
import jakarta.servlet.ServletException;
import org.junit.jupiter.api.Test;

import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.RedisSystemException;

import static org.assertj.core.api.Assertions.assertThat;

class RedisUnavailableTests {

	@Test
	void refusedConnectionIsAnOutageEvenDeepInTheCauseChain() {
		RedisConnectionFailureException refused = new RedisConnectionFailureException("Connection refused");
		assertThat(RedisUnavailable.causeOf(new ServletException("Request processing failed", refused)))
			.isSameAs(refused);
	}

	@Test
	void timeoutIsAnOutage() {
		QueryTimeoutException timeout = new QueryTimeoutException("Redis command timed out");
		assertThat(RedisUnavailable.causeOf(timeout)).isSameAs(timeout);
	}

	@Test
	void commandRejectedWhileDisconnectedIsAnOutage() {
		RedisSystemException rejected = new RedisSystemException("Redis exception",
				new RedisException("Currently not connected. Commands are rejected."));
		assertThat(RedisUnavailable.causeOf(rejected)).isSameAs(rejected);
	}

	@Test
	void lettucesOwnExceptionUntranslatedAsTheReactiveTemplatePassesItOnIsAnOutage() {
		RedisException rejected = new RedisException("Currently not connected. Commands are rejected.");
		assertThat(RedisUnavailable.causeOf(rejected)).isSameAs(rejected);
		assertThat(RedisUnavailable.causeOf(new RedisCommandExecutionException("WRONGTYPE …"))).isNull();
	}

	@Test
	void errorReplyFromTheServerIsABugNotAnOutage() {
		RedisSystemException wrongType = new RedisSystemException("Redis exception", new RedisCommandExecutionException(
				"WRONGTYPE Operation against a key holding the wrong kind of value"));
		assertThat(RedisUnavailable.causeOf(wrongType)).isNull();
		assertThat(RedisUnavailable.causeOf(new IllegalStateException("unrelated"))).isNull();
	}

}
