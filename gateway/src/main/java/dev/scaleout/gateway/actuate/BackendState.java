package dev.scaleout.gateway.actuate;

/**
 * What the gateway currently does with a backend.
 */
public enum BackendState {

	/** Healthy and receiving its full share. */
	UP,

	/** Failing health checks; no traffic. */
	DOWN,

	/** Taken out by passive ejection after consecutive failures; no traffic for now. */
	EJECTED,

	/** Healthy again and ramping up under slow start. */
	STARTING,

	/** Drained by an operator: no new requests, those in flight finish, health checks go on. */
	DRAIN,

	/** In maintenance by an operator: no requests and no health checks. */
	MAINT

}
