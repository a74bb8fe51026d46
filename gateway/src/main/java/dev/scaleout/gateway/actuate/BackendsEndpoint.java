package dev.scaleout.gateway.actuate;

import java.util.List;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

import dev.scaleout.gateway.actuate.BackendReports.BackendReport;

/**
 * {@code GET /actuator/backends}: every discovered backend with its state and traffic.
 * Read-only: changes go through the admin API, which is never on the proxied port's
 * public paths.
 */
@Endpoint(id = "backends")
public final class BackendsEndpoint {

	private final BackendReports reports;

	BackendsEndpoint(BackendReports reports) {
		this.reports = reports;
	}

	/**
	 * Describes every backend.
	 * @return one entry per backend, in pool order
	 */
	@ReadOperation
	public List<BackendReport> backends() {
		return this.reports.all();
	}

}
