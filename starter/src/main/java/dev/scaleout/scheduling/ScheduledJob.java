package dev.scaleout.scheduling;

import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.support.AopUtils;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.scheduling.support.ScheduledMethodRunnable;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * A {@code @Scheduled} method that Spring has scheduled, and whether it carries ShedLock's
 * {@link SchedulerLock @SchedulerLock}.
 *
 * @param name {@code Class#method}
 * @param locked whether ShedLock runs it on one replica per tick
 */
record ScheduledJob(String name, boolean locked) {

	/**
	 * The methods behind the tasks of Spring's {@link ScheduledTaskHolder}s, each once, in a stable order.
	 * <p>
	 * Since Spring Framework 6.2 a task's runnable is wrapped (the {@code Task} Javadoc says to expect it), so the
	 * {@link ScheduledMethodRunnable} itself is out of reach; its description, {@code <declaring class>.<method>},
	 * which Boot's {@code scheduledtasks} endpoint shows too, still names the method. A task that is no method (a
	 * runnable registered in code) has no such description and is left out.
	 */
	static List<ScheduledJob> of(Stream<ScheduledTaskHolder> holders, @Nullable ClassLoader classLoader) {
		Map<Method, ScheduledJob> jobs = new LinkedHashMap<>();
		holders.flatMap((holder) -> holder.getScheduledTasks().stream())
			.map(ScheduledTask::getTask)
			.forEach((task) -> {
				Runnable runnable = task.getRunnable();
				if (runnable instanceof ScheduledMethodRunnable method) {
					jobs.putIfAbsent(method.getMethod(), of(method.getTarget(), method.getMethod()));
				}
				else {
					Method method = methodDescribedBy(runnable.toString(), classLoader);
					if (method != null) {
						jobs.putIfAbsent(method, of(null, method));
					}
				}
			});
		return jobs.values().stream().sorted((a, b) -> a.name().compareTo(b.name())).toList();
	}

	private static ScheduledJob of(@Nullable Object target, Method method) {
		String name = ClassUtils.getShortName(method.getDeclaringClass()) + "#" + method.getName();
		return new ScheduledJob(name, isLocked(target, method));
	}

	/**
	 * Finds {@link SchedulerLock @SchedulerLock} where ShedLock's {@code SpringLockConfigurationExtractor} does: on
	 * the method (meta-annotations included), else on the same public method of the target's class when the method
	 * belongs to a proxy's interface.
	 */
	static boolean isLocked(@Nullable Object target, Method method) {
		if (AnnotatedElementUtils.getMergedAnnotation(method, SchedulerLock.class) != null) {
			return true;
		}
		if (target == null) {
			return false;
		}
		try {
			Method onTarget = AopUtils.getTargetClass(target).getMethod(method.getName(), method.getParameterTypes());
			return AnnotatedElementUtils.getMergedAnnotation(onTarget, SchedulerLock.class) != null;
		}
		catch (NoSuchMethodException ex) {
			return false;
		}
	}

	private static @Nullable Method methodDescribedBy(String description, @Nullable ClassLoader classLoader) {
		int dot = description.lastIndexOf('.');
		if (dot <= 0) {
			return null;
		}
		try {
			Class<?> type = ClassUtils.forName(description.substring(0, dot), classLoader);
			// A @Scheduled method takes no arguments.
			return ReflectionUtils.findMethod(type, description.substring(dot + 1));
		}
		catch (ClassNotFoundException | LinkageError | IllegalArgumentException ex) {
			return null;
		}
	}

}
