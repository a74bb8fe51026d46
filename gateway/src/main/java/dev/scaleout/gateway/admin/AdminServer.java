package dev.scaleout.gateway.admin;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import org.springframework.context.SmartLifecycle;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.web.reactive.function.server.HandlerStrategies;
import org.springframework.web.reactive.function.server.RouterFunctions;

/**
 * The admin API and console on their own Reactor Netty server, apart from the proxied
 * port: no route, filter or path of the proxy can reach them, and they can listen on
 * loopback while the proxy listens everywhere.
 */
public final class AdminServer implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(AdminServer.class);

	private final AdminProperties properties;

	private final HttpHandler handler;

	private volatile @Nullable DisposableServer server;

	AdminServer(AdminProperties properties, ReplicasApi api) {
		this.properties = properties;
		this.handler = RouterFunctions.toHttpHandler(api.routes(), HandlerStrategies.withDefaults());
	}

	@Override
	public void start() {
		String where = this.properties.address().getHostAddress() + ":" + this.properties.port();
		try {
			this.server = HttpServer.create()
				.host(this.properties.address().getHostAddress())
				.port(this.properties.port())
				.handle(new ReactorHttpHandlerAdapter(this.handler))
				.bindNow();
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException("The admin server cannot listen on " + where
					+ " (scaleout.gateway.admin.address and scaleout.gateway.admin.port): " + ex.getMessage()
					+ ". Choose another port, or set scaleout.gateway.admin.enabled=false.", ex);
		}
		logger.info("Admin API and console on http://" + this.properties.address().getHostAddress() + ":" + port()
				+ "/" + (this.properties.writable() ? ""
						: " (read-only: set scaleout.gateway.admin.token to allow changes)"));
	}

	/**
	 * The port the admin server listens on.
	 * @return the port, or -1 when it is not running
	 */
	public int port() {
		DisposableServer server = this.server;
		return (server != null) ? server.port() : -1;
	}

	@Override
	public void stop() {
		DisposableServer server = this.server;
		if (server != null) {
			server.disposeNow();
		}
		this.server = null;
	}

	@Override
	public boolean isRunning() {
		return this.server != null;
	}

}
