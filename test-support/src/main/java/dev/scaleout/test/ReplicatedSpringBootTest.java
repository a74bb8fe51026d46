package dev.scaleout.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the application under test as several replicas for the tests of the annotated class: a real Redis (a
 * Testcontainers container when a Docker engine answers, else the embedded {@code redis-server} binary), each
 * replica a full Spring Boot application in this JVM on its own loopback port with its own instance id
 * ({@code replica-a}, {@code replica-b} …), and, with {@link #gateway()}, the Scaleout gateway's jar in front.
 * <p>
 * Test methods and lifecycle methods receive the running {@link Replicas} as a parameter. The replicas start once
 * for the class; before each test a replica that an earlier test stopped or killed is started again.
 *
 * <pre class="code">
 * &#64;ReplicatedSpringBootTest(replicas = 2)
 * class CartReplicationTests {
 *
 *     &#64;Test
 *     void cartReadsBackOnTheOtherReplica(Replicas replicas) {
 *         ReplicaClient browser = replicas.client();   // alternates replica-a, replica-b, …
 *         browser.post("/cart/items?sku=42");
 *         assertThat(replicas).sessionsReadBackOnEveryReplica();
 *     }
 *
 * }
 * </pre>
 *
 * @see Replicas
 * @see ReplicaAssertions
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(ReplicatedSpringBootTestExtension.class)
public @interface ReplicatedSpringBootTest {

	/**
	 * The application to run, usually its {@code @SpringBootApplication} class. When empty, the
	 * {@code @SpringBootConfiguration} found in the test's package or above it, as {@code @SpringBootTest} finds it.
	 * Several classes make replicas of different applications that share sessions, e.g. a servlet and a WebFlux
	 * one: replica {@code i} runs {@code classes[i % classes.length]}.
	 * @return the application classes
	 */
	Class<?>[] classes() default {};

	/**
	 * The application classes, among {@link #classes()}, that run as WebFlux applications even with Spring MVC on
	 * the class path, as a test that mixes servlet and WebFlux replicas has it (Spring Boot would make them servlet
	 * applications).
	 * @return the WebFlux application classes
	 */
	Class<?>[] webFlux() default {};

	/**
	 * How many replicas to run.
	 * @return at least 1; 2 by default
	 */
	int replicas() default 2;

	/**
	 * Properties of every replica, in the form {@code name=value}, as {@code @SpringBootTest(properties)} takes
	 * them. The kit adds the port, the loopback address, the instance id and Redis's address.
	 * @return the properties
	 */
	String[] properties() default {};

	/**
	 * Whether to run the Scaleout gateway (its jar, as a child process) in front of the replicas, round robin, with
	 * health checks every 500 ms. The jar is found as {@link Replicas#gatewayUri()} describes.
	 * @return {@code true} for a gateway
	 */
	boolean gateway() default false;

	/**
	 * Properties of the gateway, in the form {@code name=value}, e.g.
	 * {@code scaleout.gateway.health.fall=2}.
	 * @return the properties
	 */
	String[] gatewayProperties() default {};

	/**
	 * Whether the class fails before its first test when a replica's replication report has findings: an
	 * in-memory database, a {@code @Scheduled} method without a lock, a per-JVM cache … Off by default; the same
	 * check is {@link ReplicasAssert#hasNoReplicationFindings()}.
	 * @return {@code true} to fail on findings
	 */
	boolean failOnReplicationFindings() default false;

}
