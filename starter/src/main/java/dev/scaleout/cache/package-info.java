/**
 * The application's caches stay where Spring Boot would put them without the starter: the Redis connection the
 * starter brings for sessions does not turn {@code @Cacheable} into Redis caches.
 */
@NullMarked
package dev.scaleout.cache;

import org.jspecify.annotations.NullMarked;
