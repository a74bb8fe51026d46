package dev.scaleout.gateway.admin;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebInputException;

import dev.scaleout.gateway.actuate.BackendReports;
import dev.scaleout.gateway.discovery.Backend;
import dev.scaleout.gateway.discovery.BackendPool;
import dev.scaleout.gateway.operator.OperatorControl;
import dev.scaleout.gateway.operator.OperatorSetting;
import dev.scaleout.gateway.operator.ReplicaMode;
import dev.scaleout.gateway.routing.ProblemResponses;

/**
 * The admin server's routes: the console's three static files, {@code GET /api/replicas},
 * {@code POST /api/replicas/{address}/drain|maint|ready} and
 * {@code PUT /api/replicas/{address}/weight}. Reads are open to whoever reaches the
 * server; changes need the token as {@code Authorization: Bearer}. Every refusal is
 * problem+json.
 */
final class ReplicasApi {

	private static final String CONSOLE = "dev/scaleout/gateway/admin/console/";

	private final BackendPool pool;

	private final BackendReports reports;

	private final OperatorControl operator;

	private final @Nullable byte[] token;

	ReplicasApi(BackendPool pool, BackendReports reports, OperatorControl operator, AdminProperties properties) {
		this.pool = pool;
		this.reports = reports;
		this.operator = operator;
		this.token = properties.writable() ? properties.token().getBytes(StandardCharsets.UTF_8) : null;
	}

	RouterFunction<ServerResponse> routes() {
		return RouterFunctions.route()
			.GET("/", (request) -> file("console.html", MediaType.TEXT_HTML))
			.GET("/console.js", (request) -> file("console.js", MediaType.parseMediaType("text/javascript")))
			.GET("/console.css", (request) -> file("console.css", MediaType.parseMediaType("text/css")))
			.GET("/api/replicas", this::list)
			.POST("/api/replicas/{address}/{mode}", this::setMode)
			.PUT("/api/replicas/{address}/weight", this::setWeight)
			.route((request) -> true, (request) -> problem(HttpStatus.NOT_FOUND,
					"Nothing here: the admin API is GET /api/replicas, POST /api/replicas/{address}/drain|maint|ready "
							+ "and PUT /api/replicas/{address}/weight."))
			.onError(ServerWebInputException.class,
					(failure, request) -> problem(HttpStatus.BAD_REQUEST, "The request body is not the JSON expected: "
							+ ((ServerWebInputException) failure).getReason()))
			.build();
	}

	private Mono<ServerResponse> list(ServerRequest request) {
		return ServerResponse.ok()
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("readOnly", this.token == null, "replicas", this.reports.all()));
	}

	private Mono<ServerResponse> setMode(ServerRequest request) {
		String name = request.pathVariable("mode");
		ReplicaMode mode = switch (name) {
			case "drain" -> ReplicaMode.DRAIN;
			case "maint" -> ReplicaMode.MAINT;
			case "ready" -> ReplicaMode.READY;
			default -> null;
		};
		if (mode == null) {
			return problem(HttpStatus.NOT_FOUND, "No such action '" + name + "': use drain, maint or ready.");
		}
		return authorized(request, (backend) -> this.operator.setMode(backend, mode, client(request)));
	}

	private Mono<ServerResponse> setWeight(ServerRequest request) {
		return authorized(request, (backend) -> request.bodyToMono(Map.class)
			.defaultIfEmpty(Map.of())
			.flatMap((body) -> {
				if (!(body.get("weight") instanceof Integer weight) || weight < OperatorSetting.MIN_WEIGHT
						|| weight > OperatorSetting.MAX_WEIGHT) {
					return Mono.error(new ServerWebInputException("send {\"weight\": N} with N a whole number from "
							+ OperatorSetting.MIN_WEIGHT + " to " + OperatorSetting.MAX_WEIGHT));
				}
				return this.operator.setWeight(backend, weight, client(request));
			}));
	}

	private Mono<ServerResponse> authorized(ServerRequest request,
			Function<Backend, Mono<OperatorSetting>> change) {
		if (this.token == null) {
			return problem(HttpStatus.FORBIDDEN,
					"The admin API is read-only: set scaleout.gateway.admin.token to allow changes.");
		}
		if (!tokenMatches(request.headers().firstHeader(HttpHeaders.AUTHORIZATION))) {
			return ServerResponse.status(HttpStatus.UNAUTHORIZED)
				.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.bodyValue(ProblemResponses.body(HttpStatus.UNAUTHORIZED,
						"Changes need the admin token: send Authorization: Bearer <scaleout.gateway.admin.token>.",
						null));
		}
		String address = request.pathVariable("address").toLowerCase(Locale.ROOT);
		Optional<Backend> backend = this.pool.backends()
			.stream()
			.filter((candidate) -> OperatorControl.address(candidate).equals(address))
			.findFirst();
		if (backend.isEmpty()) {
			return problem(HttpStatus.NOT_FOUND,
					"No replica " + address + " in the pool: GET /api/replicas lists their addresses.");
		}
		return change.apply(backend.get())
			.flatMap((setting) -> ServerResponse.ok()
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(this.reports.describe(backend.get())));
	}

	private boolean tokenMatches(@Nullable String authorization) {
		if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return false;
		}
		byte[] presented = authorization.substring(7).trim().getBytes(StandardCharsets.UTF_8);
		return MessageDigest.isEqual(presented, this.token);
	}

	private static String client(ServerRequest request) {
		return request.remoteAddress()
			.map(InetSocketAddress::getAddress)
			.map((address) -> address.getHostAddress())
			.orElse("unknown");
	}

	private static Mono<ServerResponse> file(String name, MediaType type) {
		return ServerResponse.ok()
			.contentType(type)
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.header("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'")
			.header("X-Content-Type-Options", "nosniff")
			.bodyValue(new ClassPathResource(CONSOLE + name));
	}

	private static Mono<ServerResponse> problem(HttpStatus status, String detail) {
		return ServerResponse.status(status)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyValue(ProblemResponses.body(status, detail, null));
	}

}
