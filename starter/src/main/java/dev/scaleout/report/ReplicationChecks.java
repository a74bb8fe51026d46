package dev.scaleout.report;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.core.NestedExceptionUtils;

/**
 * Runs every {@link ReplicationCheck} bean, in order, into one {@link ReplicationReport}. A check that throws is
 * noted in the report as a finding of its own and its cause logged at DEBUG: the report never fails, nor does the
 * start.
 */
final class ReplicationChecks {

	/**
	 * The id of the finding that says a check could not run.
	 */
	static final String CHECK_FAILED = "check-failed";

	private static final Log logger = LogFactory.getLog(ReplicationChecks.class);

	private static final String DEBUG_FIX = "Set logging.level." + ReplicationChecks.class.getName()
			+ "=DEBUG to see why";

	private final ListableBeanFactory beans;

	private final String instance;

	ReplicationChecks(ListableBeanFactory beans, String instance) {
		this.beans = beans;
		this.instance = instance;
	}

	/**
	 * Runs the checks now: what they inspect at run time is as current as the call.
	 * @return the report
	 */
	ReplicationReport run() {
		ReplicationReport.Builder report = new ReplicationReport.Builder();
		Map<ReplicationCheck, String> names;
		List<ReplicationCheck> checks;
		try {
			names = beanNames();
			checks = this.beans.getBeanProvider(ReplicationCheck.class).orderedStream().toList();
		}
		catch (BeansException ex) {
			// A lazy check that cannot be created: the others cannot be had in their order either.
			logger.debug("Replication checks could not be created", ex);
			String name = (ex instanceof BeanCreationException creation && creation.getBeanName() != null)
					? "The check '" + creation.getBeanName() + "'" : "A check";
			report.finding(CHECK_FAILED, name + " could not be created ("
					+ describe(NestedExceptionUtils.getMostSpecificCause(ex)) + "), so nothing was inspected",
					DEBUG_FIX);
			return report.build(this.instance);
		}
		checks.forEach((check) -> runOne(check, names.getOrDefault(check, "?"), report));
		return report.build(this.instance);
	}

	private static void runOne(ReplicationCheck check, String name, ReplicationReport.Builder report) {
		try {
			check.inspect(report);
		}
		catch (RuntimeException | LinkageError ex) {
			logger.debug("Replication check '" + name + "' could not run", ex);
			report.finding(CHECK_FAILED,
					"The check '" + name + "' could not run (" + describe(ex)
							+ "), so what it inspects is missing from this report",
					DEBUG_FIX + "; the rest of the report is complete");
		}
	}

	private Map<ReplicationCheck, String> beanNames() {
		Map<ReplicationCheck, String> names = new IdentityHashMap<>();
		this.beans.getBeansOfType(ReplicationCheck.class).forEach((name, check) -> names.put(check, name));
		return names;
	}

	private static String describe(Throwable ex) {
		String message = ex.getMessage();
		return ex.getClass().getSimpleName() + ((message != null) ? ": " + message : "");
	}

}
