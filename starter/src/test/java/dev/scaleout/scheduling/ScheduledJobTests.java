package dev.scaleout.scheduling;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Method;
import java.util.Optional;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.spring.ExtendedLockConfigurationExtractor;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ScheduledJob#isLocked} finds {@code @SchedulerLock} where ShedLock's own extractor does, and nowhere else:
 * each case is asked of both.
 */
class ScheduledJobTests {

	private final ApplicationContextRunner shedLock = new ApplicationContextRunner()
		.withUserConfiguration(ShedLockOn.class);

	@Test
	void annotatedMethodIsLocked() throws Exception {
		assertSameAsShedLock(new Locked(), Locked.class.getDeclaredMethod("tick"), true);
	}

	@Test
	void methodWithoutTheAnnotationIsNot() throws Exception {
		assertSameAsShedLock(new Unlocked(), Unlocked.class.getDeclaredMethod("tick"), false);
	}

	@Test
	void composedAnnotationCounts() throws Exception {
		assertSameAsShedLock(new MetaLocked(), MetaLocked.class.getDeclaredMethod("tick"), true);
	}

	@Test
	void overrideWithoutTheAnnotationIsNotLocked() throws Exception {
		assertSameAsShedLock(new OverridingUnlocked(), OverridingUnlocked.class.getDeclaredMethod("tick"), false);
	}

	@Test
	void classProxyOfALockedBeanIsLocked() throws Exception {
		ProxyFactory factory = new ProxyFactory(new Locked());
		factory.setProxyTargetClass(true);
		assertSameAsShedLock(factory.getProxy(), Locked.class.getDeclaredMethod("tick"), true);
	}

	@Test
	void interfaceMethodOfAProxyIsLockedByItsTargetsAnnotation() throws Exception {
		Object proxy = new ProxyFactory(new LockedJob()).getProxy();
		assertSameAsShedLock(proxy, Job.class.getMethod("run"), true);
	}

	@Test
	void withoutATargetOnlyTheMethodCounts() throws Exception {
		assertSameAsShedLock(null, Job.class.getMethod("run"), false);
		assertSameAsShedLock(null, Locked.class.getDeclaredMethod("tick"), true);
	}

	private void assertSameAsShedLock(@Nullable Object target, Method method, boolean locked) {
		this.shedLock.run((context) -> {
			ExtendedLockConfigurationExtractor extractor = context.getBean(ExtendedLockConfigurationExtractor.class);
			assertThat(extractor.getLockConfiguration(target, method, new Object[0]).isPresent()).as("ShedLock")
				.isEqualTo(locked);
			assertThat(ScheduledJob.isLocked(target, method)).as("ScheduledJob").isEqualTo(locked);
		});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableSchedulerLock(defaultLockAtMostFor = "30s")
	static class ShedLockOn {

		@Bean
		LockProvider lockProvider() {
			return (configuration) -> Optional.empty();
		}

	}

	static class Locked {

		@SchedulerLock(name = "tick")
		void tick() {
		}

	}

	static class Unlocked {

		void tick() {
		}

	}

	@Retention(RetentionPolicy.RUNTIME)
	@Target(ElementType.METHOD)
	@SchedulerLock(name = "nightly", lockAtMostFor = "1h")
	@interface NightlyJob {

	}

	static class MetaLocked {

		@NightlyJob
		void tick() {
		}

	}

	static class OverridingUnlocked extends Locked {

		@Override
		void tick() {
		}

	}

	interface Job {

		void run();

	}

	static class LockedJob implements Job {

		@Override
		@SchedulerLock(name = "run")
		public void run() {
		}

	}

}
