package dev.scaleout.launcher;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads durations as Spring Boot writes them: {@code 500ms}, {@code 2s}, {@code 5m},
 * {@code 1h}.
 */
public final class Durations {

	private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");

	private Durations() {
	}

	public static Duration parse(String value) {
		Matcher matcher = DURATION.matcher(value.trim());
		if (!matcher.matches()) {
			throw new IllegalArgumentException("use a number and a unit: 500ms, 2s, 5m or 1h");
		}
		long amount = Long.parseLong(matcher.group(1));
		return switch (matcher.group(2)) {
			case "ms" -> Duration.ofMillis(amount);
			case "s" -> Duration.ofSeconds(amount);
			case "m" -> Duration.ofMinutes(amount);
			default -> Duration.ofHours(amount);
		};
	}

	public static String describe(Duration duration) {
		return (duration.toMillis() % 1000 != 0) ? duration.toMillis() + "ms"
				: (duration.toSeconds() % 60 != 0 || duration.isZero()) ? duration.toSeconds() + "s"
						: duration.toMinutes() + "m";
	}

	/**
	 * A duration as the console shows how long something took.
	 * @param duration the duration
	 * @return e.g. {@code 3.4 s}
	 */
	public static String seconds(Duration duration) {
		return String.format("%.1f s", duration.toMillis() / 1000.0);
	}

}
