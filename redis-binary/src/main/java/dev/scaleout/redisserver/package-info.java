/**
 * The {@code redis-server} binary shipped in the embedded-redis artifact: the one way Scaleout runs Redis without
 * Docker or an installed server, shared by the launcher's stack and the test kit.
 */
@NullMarked
package dev.scaleout.redisserver;

import org.jspecify.annotations.NullMarked;
