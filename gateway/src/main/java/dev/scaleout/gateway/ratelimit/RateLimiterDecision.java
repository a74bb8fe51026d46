package dev.scaleout.gateway.ratelimit;

/**
 * The answer of the rate limiter for one request.
 *
 * @param allowed whether the request may go on
 * @param remaining tokens left for the client, or -1 when unknown
 * @param redisUnavailable whether Redis could not be asked
 */
record RateLimiterDecision(boolean allowed, long remaining, boolean redisUnavailable) {
}
