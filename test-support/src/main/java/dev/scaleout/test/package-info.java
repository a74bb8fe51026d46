/**
 * The test kit: run your own Spring Boot application as N replicas in a JUnit test, with a real Redis and,
 * optionally, the Scaleout gateway in front ({@link dev.scaleout.test.ReplicatedSpringBootTest}); drive them with
 * a {@link dev.scaleout.test.Replicas} handle; assert what replication needs with
 * {@link dev.scaleout.test.ReplicaAssertions}.
 */
@NullMarked
package dev.scaleout.test;

import org.jspecify.annotations.NullMarked;
