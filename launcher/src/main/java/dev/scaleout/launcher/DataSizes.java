package dev.scaleout.launcher;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads memory sizes: {@code 512m}, {@code 512MB}, {@code 1g}, {@code 1GB}.
 */
public final class DataSizes {

	private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([kmg])b?");

	private DataSizes() {
	}

	public static long parse(String value) {
		Matcher matcher = SIZE.matcher(value.trim().toLowerCase(Locale.ROOT));
		if (!matcher.matches()) {
			throw new IllegalArgumentException("use a number and a unit: 512m or 1g");
		}
		long amount = Long.parseLong(matcher.group(1));
		return switch (matcher.group(2)) {
			case "k" -> amount * 1024;
			case "m" -> amount * 1024 * 1024;
			default -> amount * 1024 * 1024 * 1024;
		};
	}

	public static String describe(long bytes) {
		return (bytes / (1024 * 1024)) + " MB";
	}

}
