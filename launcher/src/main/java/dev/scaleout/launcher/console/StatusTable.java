package dev.scaleout.launcher.console;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.scaleout.launcher.DataSizes;
import org.jspecify.annotations.Nullable;

/**
 * The table {@code ./scaleout up} prints once started and {@code ./scaleout status} prints
 * on demand: one row per process, then the gateway's own view of its backends.
 */
public final class StatusTable {

	private static final String FORMAT = "%-10s %8s %6s %9s %8s %8s  %s%n";

	private StatusTable() {
	}

	/**
	 * One process.
	 *
	 * @param name instance name
	 * @param pid its pid, -1 when not running
	 * @param port its port, -1 when none
	 * @param uptime how long it has run, {@code null} when not running
	 * @param restarts how often it was restarted after a crash
	 * @param residentBytes its resident memory, -1 when unknown
	 * @param state its state
	 */
	public record Row(String name, long pid, int port, @Nullable Duration uptime, int restarts, long residentBytes, String state) {
	}

	public static String render(List<Row> rows, Map<String, String> gatewayView,
			@Nullable String gatewayError) {
		StringBuilder table = new StringBuilder();
		table.append(String.format(FORMAT, "NAME", "PID", "PORT", "UPTIME", "RESTARTS", "RSS", "STATE"));
		for (Row row : rows) {
			table.append(String.format(FORMAT, row.name(), (row.pid() > 0) ? row.pid() : "-",
					(row.port() > 0) ? row.port() : "-", uptime(row.uptime()), row.restarts(),
					(row.residentBytes() >= 0) ? DataSizes.describe(row.residentBytes()) : "-", row.state()));
		}
		table.append("\nGateway's view (GET /actuator/backends):\n");
		if (gatewayError != null) {
			table.append("  unavailable: ").append(gatewayError).append('\n');
		}
		else if (gatewayView.isEmpty()) {
			table.append("  no backends\n");
		}
		else {
			gatewayView.forEach((url, state) -> table.append(String.format("  %-28s %s%n", url, state)));
		}
		return table.toString();
	}

	public static String uptime(@Nullable Duration uptime) {
		if (uptime == null) {
			return "-";
		}
		long seconds = uptime.toSeconds();
		if (seconds < 60) {
			return seconds + "s";
		}
		if (seconds < 3600) {
			return (seconds / 60) + "m" + (seconds % 60) + "s";
		}
		return (seconds / 3600) + "h" + ((seconds % 3600) / 60) + "m";
	}

}
