package dev.scaleout.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.assertj.core.api.Assertions;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.util.ReflectionUtils;

/**
 * Reads every recorded session on the replicas that did not write it, through their own session repository, and
 * lists each attribute that does not read back as the same type and value.
 */
final class SessionReadBack {

	private static final String FIX = """
			Fix: store in the session only types the session store writes and reads faithfully: a record, an enum, a \
			JDK value type, or a class with a constructor Jackson can call and a getter or field for every piece of \
			state (no transient or derived-only state). A type outside your application's packages must be trusted: \
			scaleout.session.trusted-packages=<its package>. The replica's WARN line names the type it refused.""";

	private static final Pattern DIFFERENCES = Pattern
		.compile("following differences?:\\s*(.*?)\\s*The recursive comparison was performed", Pattern.DOTALL);

	private SessionReadBack() {
	}

	/**
	 * Compares what the test's requests left in each session with what every other running replica reads.
	 * @param written the sessions the requests left
	 * @param replicas every replica
	 * @return one line per problem; empty when every attribute read back
	 */
	static List<String> problems(List<SessionLedger.Written> written, List<Replica> replicas) {
		List<String> problems = new ArrayList<>();
		for (SessionLedger.Written session : written) {
			List<Replica> readers = replicas.stream()
				.filter((replica) -> replica.index() != session.replica() && replica.isRunning())
				.toList();
			if (readers.isEmpty()) {
				problems.add("Session " + session.sessionId() + " was written by " + replicas.get(session.replica()).id()
						+ " and no other replica is running to read it: restart one first");
			}
			for (Replica reader : readers) {
				problems.addAll(problems(session, replicas.get(session.replica()), reader));
			}
		}
		return problems;
	}

	private static List<String> problems(SessionLedger.Written written, Replica writer, Replica reader) {
		Session session = repository(reader).findById(written.sessionId());
		if (session == null) {
			return List.of("Session " + written.sessionId() + " written by " + writer.id() + " is not found on "
					+ reader.id() + " (expired, or not saved: does the replica keep its sessions in Redis?)");
		}
		List<String> problems = new ArrayList<>();
		new TreeMap<>(written.attributes()).forEach((name, expected) -> {
			Object actual = session.getAttribute(name);
			String prefix = "Attribute '" + name + "' (" + expected.getClass().getName() + ") of session "
					+ written.sessionId() + ", written by " + writer.id() + ", ";
			if (actual == null) {
				problems.add(prefix + "is missing on " + reader.id()
						+ ": the session store did not write it or could not read it back");
			}
			else if (actual.getClass() != expected.getClass()) {
				problems.add(prefix + "reads back on " + reader.id() + " as a " + actual.getClass().getName()
						+ ": " + actual);
			}
			else {
				difference(expected, actual).ifPresent((difference) -> problems
					.add(prefix + "reads back on " + reader.id() + " with another value: " + difference));
			}
		});
		return problems;
	}

	/**
	 * How two values of the same type differ: by {@code equals} when the type defines it, else field by field.
	 * @param expected the value the application stored
	 * @param actual the value another replica read
	 * @return the difference, empty when they are equal
	 */
	static Optional<String> difference(Object expected, Object actual) {
		if (definesEquals(expected.getClass())) {
			return expected.equals(actual) ? Optional.empty()
					: Optional.of("expected " + expected + " but was " + actual);
		}
		try {
			Assertions.assertThat(actual).usingRecursiveComparison().usingOverriddenEquals().isEqualTo(expected);
			return Optional.empty();
		}
		catch (AssertionError ex) {
			return Optional.of("expected " + expected + " but was " + actual + fieldDifferences(ex.getMessage()));
		}
	}

	/**
	 * The lines of AssertJ's recursive comparison that name the differing fields, without its description of its
	 * own configuration.
	 */
	private static String fieldDifferences(String message) {
		Matcher differences = DIFFERENCES.matcher(message);
		if (!differences.find()) {
			return "";
		}
		return "; " + differences.group(1).strip().replaceAll("\\s*\\R\\s*", " ");
	}

	private static boolean definesEquals(Class<?> type) {
		if (type.isArray()) {
			return false;
		}
		return ReflectionUtils.findMethod(type, "equals", Object.class).getDeclaringClass() != Object.class;
	}

	@SuppressWarnings("unchecked")
	private static SessionRepository<? extends Session> repository(Replica reader) {
		return reader.context()
			.getBeanProvider(SessionRepository.class)
			.getIfAvailable(() -> {
				throw new IllegalStateException(reader.id() + " has no SessionRepository bean: it keeps its sessions"
						+ " in memory, where no other replica can read them. Add the Scaleout starter"
						+ " (dev.scaleout:scaleout-spring-boot-starter), which keeps them in Redis");
			});
	}

	static String fix() {
		return FIX;
	}

}
