package dev.scaleout.gateway.discovery;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Resolves a host name to all of its addresses. The default asks the JVM's resolver;
 * tests feed address lists directly.
 */
@FunctionalInterface
public interface HostResolver {

	/**
	 * Resolves every address of a host name. May block; it is never called on an event
	 * loop.
	 * @param host the host name
	 * @return all addresses, in resolver order
	 * @throws UnknownHostException when the name does not resolve
	 */
	List<InetAddress> resolve(String host) throws UnknownHostException;

	/**
	 * The JVM's resolver ({@link InetAddress#getAllByName(String)}).
	 * @return a resolver backed by the JVM
	 */
	static HostResolver system() {
		return (host) -> List.of(InetAddress.getAllByName(host));
	}

}
