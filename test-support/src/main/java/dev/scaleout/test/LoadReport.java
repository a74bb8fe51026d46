package dev.scaleout.test;

import java.time.Duration;
import java.util.List;

/**
 * What a {@link Load} met while a replica was stopped, killed or restarted: how many requests were sent and which
 * failed. Assert on it with {@link ReplicaAssertions#assertThat(LoadReport)}.
 *
 * @param step what was done under the load, e.g. "replica-b stopped gracefully"
 * @param load the load, described
 * @param requests how many requests were answered or failed, all clients together
 * @param failures the requests that got no answer or a 5xx answer
 * @param complete whether the load ran its whole course: warm-up, the step, and requests after it; {@code false}
 * when a bound stopped it first
 */
public record LoadReport(String step, String load, int requests, List<FailedRequest> failures, boolean complete) {

	public LoadReport {
		failures = List.copyOf(failures);
	}

	/**
	 * A request that got no answer, or a 5xx answer.
	 *
	 * @param path the path requested
	 * @param outcome the status and the replica that answered, or the exception
	 * @param at when it failed, from the start of the step (negative before it)
	 */
	public record FailedRequest(String path, String outcome, Duration at) {

		@Override
		public String toString() {
			return "GET " + this.path + " -> " + this.outcome + " (" + this.at.toMillis() + " ms after the step began)";
		}

	}

}
