package dev.scaleout.instance;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.jspecify.annotations.Nullable;

import org.springframework.util.StringUtils;

/**
 * The id a replica gets when none is configured: {@code <hostname>-<pid>}, unique among the processes of one host
 * and among pods, whose host name is the pod's name.
 */
final class DefaultInstanceId {

	private static final int MAX_HOST_LENGTH = 100;

	private DefaultInstanceId() {
	}

	static String get() {
		return of(System.getenv("HOSTNAME"), ProcessHandle.current().pid());
	}

	static String of(@Nullable String hostname, long pid) {
		String host = StringUtils.hasText(hostname) ? hostname : localHostName();
		String safeHost = host.replaceAll("[^A-Za-z0-9._-]", "-");
		if (safeHost.length() > MAX_HOST_LENGTH) {
			safeHost = safeHost.substring(0, MAX_HOST_LENGTH);
		}
		return safeHost + "-" + pid;
	}

	private static String localHostName() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			return "localhost";
		}
	}

}
