/**
 * The route to the replica pool: forwarding headers, client timeouts and pool, and the
 * answers given when no backend can serve a request.
 */
package dev.scaleout.gateway.routing;
