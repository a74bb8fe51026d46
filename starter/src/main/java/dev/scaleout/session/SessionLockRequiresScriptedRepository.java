package dev.scaleout.session;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.session.ReactiveSessionRepository;
import org.springframework.session.SessionRepository;
import org.springframework.util.ClassUtils;

/**
 * Fails the start when {@code scaleout.session.lock.enabled=true} would lock nothing: the lock is taken by the
 * starter's session repositories, and the session repository in use is another — Spring Session's indexed one
 * ({@code spring.session.data.redis.repository-type=indexed}), the application's own, or, in a WebFlux app on a
 * Redis Cluster, Spring Session's reactive one. Without this, concurrent writes of one session would lose updates
 * while the configuration says they cannot.
 */
final class SessionLockRequiresScriptedRepository implements SmartInitializingSingleton {

	static final String PROPERTY = "scaleout.session.lock.enabled";

	private final ListableBeanFactory beans;

	SessionLockRequiresScriptedRepository(ListableBeanFactory beans) {
		this.beans = beans;
	}

	@Override
	public void afterSingletonsInstantiated() {
		List<String> others = new ArrayList<>();
		collectOthers(SessionRepository.class, others);
		if (ClassUtils.isPresent("reactor.core.publisher.Mono", getClass().getClassLoader())) {
			collectOthers(ReactiveSessionRepository.class, others);
		}
		if (!others.isEmpty()) {
			throw new InvalidConfigurationPropertyValueException(PROPERTY, true,
					"Session locks are taken by the starter's session repository, and this application's is "
							+ String.join(", ", others) + ", which takes none. Remove the property, or use the"
							+ " starter's repository: Spring Boot's default spring.session.data.redis.repository-type,"
							+ " no session repository bean of your own, and for a WebFlux app no Redis Cluster.");
		}
	}

	private void collectOthers(Class<?> repositoryType, List<String> others) {
		this.beans.getBeansOfType(repositoryType, false, false).forEach((name, repository) -> {
			if (!(repository instanceof ScriptedSessionStore)) {
				others.add("'" + name + "' (" + repository.getClass().getName() + ")");
			}
		});
	}

}
