package dev.scaleout.test;

import java.util.stream.Collectors;

import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a {@link LoadReport}.
 */
public final class LoadReportAssert extends AbstractAssert<LoadReportAssert, LoadReport> {

	private static final int SHOWN = 10;

	LoadReportAssert(LoadReport report) {
		super(report, LoadReportAssert.class);
	}

	/**
	 * Verifies that every request of the load got a non-5xx answer, and that the load ran its whole course: before,
	 * during and after the step.
	 * @return this
	 */
	public LoadReportAssert hasNoFailedRequest() {
		isNotNull();
		if (!this.actual.failures().isEmpty()) {
			String shown = this.actual.failures()
				.stream()
				.limit(SHOWN)
				.map((failure) -> "  - " + failure)
				.collect(Collectors.joining(System.lineSeparator()));
			String more = (this.actual.failures().size() > SHOWN)
					? "%n  … and " + (this.actual.failures().size() - SHOWN) + " more" : "";
			failWithMessage("%d of %d requests failed while %s (%s):%n%s" + more + "%n"
					+ "Cause: a request that reached a replica as it went away got no answer or a 5xx one, or the"
					+ " replica that answered depended on state the one before it kept in memory.%n"
					+ "Fix: keep Spring Boot's graceful shutdown (server.shutdown=graceful, the starter's default) so"
					+ " that a stopping replica finishes its requests and tells the gateway it is draining; answer"
					+ " within spring.lifecycle.timeout-per-shutdown-phase; load only idempotent requests (GET,"
					+ " HEAD), which the gateway may retry on another replica; and keep no state a request needs in"
					+ " one replica's memory (sessions in Redis, no local cache of shared data).",
					this.actual.failures().size(), this.actual.requests(), this.actual.step(), this.actual.load(),
					shown);
		}
		if (!this.actual.complete()) {
			failWithMessage("The load (%s) stopped at a bound after %d requests, before it could run on after %s:"
					+ " give it more room with Load.atMost(requests, duration)", this.actual.load(),
					this.actual.requests(), this.actual.step());
		}
		return this;
	}

}
