package dev.scaleout.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the kernel says about a process: its resident memory and start time, from
 * {@code /proc}. Linux only; elsewhere the answers are "unknown".
 */
final class ProcessMemory {

	private ProcessMemory() {
	}

	/**
	 * The {@code VmRSS} line of {@code /proc/<pid>/status}.
	 * @param pid the process
	 * @return bytes, or -1 when unknown
	 */
	static long residentBytes(long pid) {
		try {
			for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
				if (line.startsWith("VmRSS:")) {
					String[] parts = line.substring(6).trim().split("\\s+");
					return Long.parseLong(parts[0]) * 1024;
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// gone, or not Linux
		}
		return -1;
	}

	/**
	 * Field 22 of {@code /proc/<pid>/stat}, the start time in clock ticks since boot. With
	 * the pid it tells a process apart from a later one that reuses the pid.
	 * @param pid the process
	 * @return the start time, or {@code "?"} when unknown
	 */
	static String startTicks(long pid) {
		try {
			String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return fields[19];
		}
		catch (IOException | RuntimeException ex) {
			return "?";
		}
	}

}
