package dev.scaleout.test;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationContext;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * The findings of a replica's replication report, read from the starter's beans in the replica's context.
 * <p>
 * By reflection, because the kit is built before the starter (whose own tests use the kit): the public
 * {@code ReplicationEndpoint} when the endpoint is available, else the report's {@code ReplicationChecks} that
 * the endpoint reads.
 */
final class ReplicationFindings {

	private static final String ENDPOINT = "dev.scaleout.report.ReplicationEndpoint";

	private static final String CHECKS = "dev.scaleout.report.ReplicationChecks";

	private ReplicationFindings() {
	}

	/**
	 * A finding of one replica.
	 *
	 * @param replica the replica's id
	 * @param id the kind of finding, e.g. {@code in-memory-database}
	 * @param problem what is wrong
	 * @param fix what to do about it
	 */
	record Finding(String replica, String id, String problem, String fix) {

		@Override
		public String toString() {
			return "[" + this.id + "] on " + this.replica + ": " + this.problem + "\n      fix: " + this.fix;
		}

	}

	/**
	 * Runs the report of a replica now.
	 * @param replica a running replica
	 * @return its findings
	 * @throws IllegalStateException when the replica has no replication report (no starter)
	 */
	static List<Finding> of(Replica replica) {
		ApplicationContext context = replica.context();
		Object report = invoke(bean(context, ENDPOINT), "report");
		if (report == null) {
			report = invoke(bean(context, CHECKS), "run");
		}
		if (report == null) {
			throw new IllegalStateException(replica.id() + " has no replication report: add the Scaleout starter"
					+ " (dev.scaleout:scaleout-spring-boot-starter), and do not exclude its"
					+ " ReplicationReportAutoConfiguration");
		}
		List<Finding> findings = new ArrayList<>();
		for (Object finding : (List<?>) invoke(report, "findings")) {
			findings.add(new Finding(replica.id(), (String) invoke(finding, "id"), (String) invoke(finding, "problem"),
					(String) invoke(finding, "fix")));
		}
		return findings;
	}

	private static @Nullable Object bean(ApplicationContext context, String typeName) {
		ClassLoader classLoader = context.getClassLoader();
		if (!ClassUtils.isPresent(typeName, classLoader)) {
			return null;
		}
		return context.getBeanProvider(ClassUtils.resolveClassName(typeName, classLoader)).getIfAvailable();
	}

	private static @Nullable Object invoke(@Nullable Object target, String method) {
		if (target == null) {
			return null;
		}
		Method accessor = ReflectionUtils.findMethod(target.getClass(), method);
		if (accessor == null) {
			throw new IllegalStateException(target.getClass().getName() + " has no method " + method
					+ "(): the starter and scaleout-test must be of the same version");
		}
		ReflectionUtils.makeAccessible(accessor);
		return ReflectionUtils.invokeMethod(accessor, target);
	}

}
