package dev.scaleout.report;

import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;

/**
 * Logs the replication report once, when the application is ready to serve: one block, at INFO when nothing was
 * found and at WARN when something breaks under many replicas.
 */
final class ReplicationReportLog implements ApplicationListener<ApplicationReadyEvent> {

	private static final Log logger = LogFactory.getLog(ReplicationReportLog.class);

	private static final String INDENT = "  ";

	private final ReplicationChecks checks;

	private final ApplicationContext context;

	private final AtomicBoolean logged = new AtomicBoolean();

	ReplicationReportLog(ReplicationChecks checks, ApplicationContext context) {
		this.checks = checks;
		this.context = context;
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		// A child application's ready event reaches its parent's listeners too.
		if (event.getApplicationContext() != this.context || !this.logged.compareAndSet(false, true)) {
			return;
		}
		ReplicationReport report = this.checks.run();
		if (report.findings().isEmpty()) {
			logger.info(format(report));
		}
		else {
			logger.warn(format(report));
		}
	}

	/**
	 * The report as one block of text: a header line, then what was set up, then what was found, each with its fix.
	 */
	static String format(ReplicationReport report) {
		int count = report.findings().size();
		String found = (count == 0) ? "nothing found that breaks"
				: count + ((count == 1) ? " finding that breaks" : " findings that break");
		StringBuilder text = new StringBuilder("Replication report of instance ").append(report.instance())
			.append(": ")
			.append(found)
			.append(" under many replicas");
		text.append('\n').append(INDENT).append("set up:");
		if (report.setUp().isEmpty()) {
			text.append(" nothing");
		}
		report.setUp().forEach((line) -> text.append('\n').append(INDENT).append(INDENT).append("- ").append(line));
		text.append('\n').append(INDENT).append("found:");
		if (count == 0) {
			text.append(" nothing");
		}
		for (ReplicationReport.Finding finding : report.findings()) {
			text.append('\n')
				.append(INDENT)
				.append(INDENT)
				.append("- [")
				.append(finding.id())
				.append("] ")
				.append(finding.problem());
			text.append('\n').append(INDENT).append(INDENT).append("  fix: ").append(finding.fix());
		}
		return text.toString();
	}

}
