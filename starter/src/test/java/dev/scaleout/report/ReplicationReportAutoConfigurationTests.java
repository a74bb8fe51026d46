package dev.scaleout.report;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import com.github.benmanes.caffeine.jcache.spi.CaffeineCachingProvider;
import com.zaxxer.hikari.HikariDataSource;
import dev.scaleout.instance.InstanceIdentityAutoConfiguration;
import dev.scaleout.report.ReplicationReport.Finding;
import org.h2.Driver;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.reactor.netty.NettyReactiveWebServerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.cache.CacheManager;
import org.springframework.cache.caffeine.CaffeineCacheManager;
import org.springframework.cache.concurrent.ConcurrentMapCache;
import org.springframework.cache.concurrent.ConcurrentMapCacheManager;
import org.springframework.cache.jcache.JCacheCacheManager;
import org.springframework.cache.support.NoOpCacheManager;
import org.springframework.cache.support.SimpleCacheManager;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.annotation.Order;
import org.springframework.data.redis.cache.RedisCacheManager;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;
import org.springframework.messaging.simp.broker.SimpleBrokerMessageHandler;
import org.springframework.messaging.support.ExecutorSubscribableChannel;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class ReplicationReportAutoConfigurationTests {

	private static final String INSTANCE_LINE = "Instance id replica-a in every log line and /actuator/info, and in"
			+ " the X-Instance-Id response header";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(InstanceIdentityAutoConfiguration.class,
				ReplicationReportAutoConfiguration.class))
		.withPropertyValues("scaleout.instance.id=replica-a", "management.endpoints.web.exposure.include=replication");

	@Test
	void namesTheInstanceAndWhereItsIdShows() {
		this.runner.run((context) -> {
			ReplicationReport report = report(context);
			assertThat(report.instance()).isEqualTo("replica-a");
			assertThat(report.setUp()).containsExactly(INSTANCE_LINE);
		});
	}

	@Test
	void anApplicationWithNothingToFindHasNoFindings() {
		this.runner.run((context) -> assertThat(report(context).findings()).isEmpty());
	}

	@Test
	void runsEveryCheckInTheirOrder() {
		this.runner.withUserConfiguration(OrderedChecks.class)
			.run((context) -> assertThat(report(context).setUp()).containsExactly(INSTANCE_LINE, "first", "second"));
	}

	@Test
	void aCheckThatThrowsIsNotedAndTheOthersStillRun() {
		this.runner.withUserConfiguration(OrderedChecks.class)
			.withBean("explodingCheck", ReplicationCheck.class, () -> (report) -> {
				throw new IllegalStateException("inspection exploded");
			})
			.run((context) -> {
				assertThat(context).hasNotFailed();
				ReplicationReport report = report(context);
				assertThat(report.setUp()).contains("first", "second");
				assertThat(report.findings()).singleElement().satisfies((finding) -> {
					assertThat(finding.id()).isEqualTo("check-failed");
					assertThat(finding.problem()).isEqualTo("The check 'explodingCheck' could not run"
							+ " (IllegalStateException: inspection exploded), so what it inspects is missing from"
							+ " this report");
					assertThat(finding.fix()).contains("logging.level.dev.scaleout.report.ReplicationChecks=DEBUG");
				});
			});
	}

	@Test
	void aCheckThatCannotBeCreatedIsNotedInsteadOfTheReport() {
		this.runner.withUserConfiguration(UncreatableCheck.class).run((context) -> {
			assertThat(report(context).findings()).singleElement().satisfies((finding) -> {
				assertThat(finding.id()).isEqualTo("check-failed");
				assertThat(finding.problem()).isEqualTo("The check 'uncreatableCheck' could not be created"
						+ " (IllegalStateException: no way), so nothing was inspected");
			});
		});
	}

	@Test
	void logsOnceWhenTheApplicationIsReady(CapturedOutput output) {
		this.runner.run((context) -> {
			ConfigurableApplicationContext source = context.getSourceApplicationContext();
			ApplicationReadyEvent ready = new ApplicationReadyEvent(new SpringApplication(), new String[0], source,
					Duration.ZERO);
			assertThat(output.getOut()).doesNotContain("Replication report");
			context.publishEvent(ready);
			context.publishEvent(ready);
			assertThat(output.getOut().lines().filter((line) -> line.contains("Replication report"))).singleElement()
				.asString()
				.contains("INFO")
				.endsWith("Replication report of instance replica-a: nothing found that breaks under many replicas");
		});
	}

	@Test
	void everyReadRunsTheChecksAgain() {
		this.runner.withUserConfiguration(CountingCheck.class).run((context) -> {
			ReplicationEndpoint endpoint = context.getBean(ReplicationEndpoint.class);
			assertThat(endpoint.report().setUp()).contains("run 1");
			assertThat(endpoint.report().setUp()).contains("run 2");
		});
	}

	@Test
	void worksWithoutTheInstancesAutoConfiguration() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ReplicationReportAutoConfiguration.class))
			.withPropertyValues("scaleout.instance.id=replica-b",
					"management.endpoints.web.exposure.include=replication")
			.run((context) -> {
				assertThat(report(context).instance()).isEqualTo("replica-b");
				assertThat(report(context).setUp()).isEmpty();
			});
	}

	@Test
	void theEndpointNeedsToBeExposed() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(InstanceIdentityAutoConfiguration.class,
					ReplicationReportAutoConfiguration.class))
			.run((context) -> assertThat(context).hasSingleBean(ReplicationReportLog.class)
				.doesNotHaveBean(ReplicationEndpoint.class));
	}

	@Test
	void aCheckOfTheSameNameReplacesTheStartersOwn() {
		this.runner.withBean("localCacheReplicationCheck", ReplicationCheck.class, () -> (report) -> {
		})
			.withBean(ConcurrentMapCacheManager.class, () -> new ConcurrentMapCacheManager("greetings"))
			.run((context) -> {
				assertThat(context).doesNotHaveBean(LocalCacheCheck.class);
				assertThat(report(context).findings()).isEmpty();
			});
	}

	@Nested
	class InMemoryDatabase {

		@Test
		void bootsDefaultEmbeddedDatabaseIsFound() {
			ReplicationReportAutoConfigurationTests.this.runner
				.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
				.run((context) -> assertThat(findings(context)).singleElement().satisfies((finding) -> {
					assertThat(finding.id()).isEqualTo("in-memory-database");
					assertThat(finding.problem())
						.startsWith("DataSource 'dataSource' is an in-memory database (jdbc:h2:mem:")
						.endsWith("): each replica would have its own data, and lose it when it stops")
						.doesNotContain(";");
					assertThat(finding.fix()).isEqualTo("Use a database server that every replica shares: point"
							+ " spring.datasource.url, which is not set, at it (with its username, password and"
							+ " driver), e.g. jdbc:postgresql://db:5432/app");
				}));
		}

		@Test
		void aConfiguredInMemoryUrlIsFoundWithoutConnecting() {
			ReplicationReportAutoConfigurationTests.this.runner
				.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
				.withPropertyValues("spring.datasource.url=jdbc:h2:mem:orders;DB_CLOSE_DELAY=-1;PASSWORD=secret")
				.run((context) -> {
					assertThat(findings(context)).singleElement().satisfies((finding) -> {
						assertThat(finding.problem()).isEqualTo("DataSource 'dataSource' is an in-memory database"
								+ " (jdbc:h2:mem:orders): each replica would have its own data, and lose it when it"
								+ " stops");
						assertThat(finding.fix()).startsWith("Use a database server that every replica shares: point"
								+ " spring.datasource.url at it");
					});
					assertThat(context.getBean(HikariDataSource.class).getHikariPoolMXBean()).as("pool started")
						.isNull();
				});
		}

		@Test
		void aDatabaseFileOfTheProcessIsFound() {
			ReplicationReportAutoConfigurationTests.this.runner
				.withBean(DataSource.class, () -> hikari("jdbc:h2:file:./target/replication-report/app"))
				.run((context) -> assertThat(findings(context)).singleElement()
					.extracting(Finding::problem)
					.isEqualTo("DataSource 'dataSource' is a database in files of this process"
							+ " (jdbc:h2:file:./target/replication-report/app): each replica would have its own"
							+ " data"));
		}

		@Test
		void aDatabaseServerIsNotFoundAndNotConnectedTo() {
			ReplicationReportAutoConfigurationTests.this.runner
				.withBean(DataSource.class, () -> hikari("jdbc:postgresql://db.invalid:5432/app"))
				.run((context) -> {
					assertThat(findings(context)).isEmpty();
					assertThat(context.getBean(HikariDataSource.class).getHikariPoolMXBean()).isNull();
				});
		}

		@Test
		void anEmbeddedDatabaseBuiltInCodeIsFound() {
			ReplicationReportAutoConfigurationTests.this.runner
				.withBean("catalog", DataSource.class,
						() -> new EmbeddedDatabaseBuilder().setType(EmbeddedDatabaseType.H2)
							.generateUniqueName(true)
							.build())
				.run((context) -> assertThat(findings(context)).singleElement()
					.extracting(Finding::problem)
					.isEqualTo("DataSource 'catalog' is an embedded in-memory database (EmbeddedDatabase): each"
							+ " replica would have its own data, and lose it when it stops"));
		}

		@Test
		void anotherKindOfDataSourceIsAskedThroughAConnection() {
			ReplicationReportAutoConfigurationTests.this.runner
				.withBean("plain", DataSource.class,
						() -> new SimpleDriverDataSource(new Driver(), "jdbc:h2:mem:plain", "sa", ""))
				.withPropertyValues("spring.datasource.url=jdbc:h2:mem:plain")
				.run((context) -> assertThat(findings(context)).singleElement()
					.extracting(Finding::problem)
					.isEqualTo("DataSource 'plain' is an in-memory database (jdbc:h2:mem:plain): each replica"
							+ " would have its own data, and lose it when it stops"));
		}

		@Test
		void aDataSourceThatCannotConnectIsLeftOut() {
			ReplicationReportAutoConfigurationTests.this.runner
				.withBean("unreachable", DataSource.class,
						() -> new SimpleDriverDataSource(new Driver(), "jdbc:h2:tcp://127.0.0.1:1/nothing", "sa", ""))
				.run((context) -> {
					assertThat(context).hasNotFailed();
					assertThat(report(context).findings()).isEmpty();
				});
		}

		@Test
		void isNotCheckedWithoutSpringJdbc() {
			ReplicationReportAutoConfigurationTests.this.runner
				.withClassLoader(new FilteredClassLoader("org.springframework.jdbc"))
				.run((context) -> assertThat(context).doesNotHaveBean(InMemoryDatabaseCheck.class));
		}

		private static HikariDataSource hikari(String url) {
			HikariDataSource dataSource = new HikariDataSource();
			dataSource.setJdbcUrl(url);
			return dataSource;
		}

		private static List<Finding> findings(AssertableApplicationContext context) {
			return report(context).findings().stream().filter((f) -> f.id().equals("in-memory-database")).toList();
		}

	}

	@Nested
	class LocalCache {

		@Test
		void springsMapCacheIsFound() {
			assertFinding(() -> new ConcurrentMapCacheManager("greetings", "prices"),
					"CacheManager 'cacheManager' (ConcurrentMapCacheManager; caches greetings, prices) keeps its"
							+ " entries in this JVM: evictions and puts on one replica are not seen by the others,"
							+ " which go on answering from their own copies");
		}

		@Test
		void caffeineIsFound() {
			assertFinding(() -> new CaffeineCacheManager("greetings"), "(CaffeineCacheManager; caches greetings)");
		}

		@Test
		void jcacheOnALocalProviderIsFound() {
			ReplicationReportAutoConfigurationTests.this.runner.withUserConfiguration(CaffeineJCache.class)
				.run((context) -> assertThat(report(context).findings()).singleElement()
					.extracting(Finding::problem)
					.asString()
					.startsWith("CacheManager 'cacheManager' (JCache on CaffeineCachingProvider) keeps its entries"));
		}

		@Test
		void aManagerOfMapCachesIsFound() {
			SimpleCacheManager manager = new SimpleCacheManager();
			manager.setCaches(Set.of(new ConcurrentMapCache("greetings")));
			assertFinding(() -> manager, "(SimpleCacheManager of in-JVM caches; caches greetings)");
		}

		@Test
		void aSharedCacheIsNotFound() {
			ReplicationReportAutoConfigurationTests.this.runner
				.withBean("cacheManager", CacheManager.class,
						() -> RedisCacheManager.create(new LettuceConnectionFactory("127.0.0.1", 1)))
				.withBean("noCache", CacheManager.class, NoOpCacheManager::new)
				.run((context) -> assertThat(report(context).findings()).isEmpty());
		}

		private void assertFinding(java.util.function.Supplier<CacheManager> manager, String problem) {
			ReplicationReportAutoConfigurationTests.this.runner.withBean("cacheManager", CacheManager.class, manager)
				.run((context) -> assertThat(report(context).findings()).singleElement().satisfies((finding) -> {
					assertThat(finding.id()).isEqualTo("local-cache");
					assertThat(finding.problem()).contains(problem);
					assertThat(finding.fix()).contains("spring.cache.type=redis");
				}));
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CaffeineJCache {

		@Bean
		javax.cache.CacheManager jcache() {
			return new CaffeineCachingProvider().getCacheManager();
		}

		@Bean
		JCacheCacheManager cacheManager(javax.cache.CacheManager jcache) {
			return new JCacheCacheManager(jcache);
		}

	}

	@Nested
	class InMemoryBroker {

		@Test
		void springsSimpleBrokerIsFound() {
			ReplicationReportAutoConfigurationTests.this.runner
				.withBean("simpleBrokerMessageHandler", SimpleBrokerMessageHandler.class,
						() -> new SimpleBrokerMessageHandler(new ExecutorSubscribableChannel(),
								new ExecutorSubscribableChannel(), new ExecutorSubscribableChannel(),
								List.of("/topic", "/queue")))
				.run((context) -> assertThat(report(context).findings()).singleElement().satisfies((finding) -> {
					assertThat(finding.id()).isEqualTo("in-memory-broker");
					assertThat(finding.problem()).isEqualTo("'simpleBrokerMessageHandler' is Spring's in-memory"
							+ " STOMP broker (for /topic, /queue): a client subscribed on one replica never sees a"
							+ " message sent on another");
					assertThat(finding.fix()).contains("enableStompBrokerRelay");
				}));
		}

		@Test
		void isNotCheckedWithoutSpringMessaging() {
			ReplicationReportAutoConfigurationTests.this.runner
				.withClassLoader(new FilteredClassLoader("org.springframework.messaging"))
				.run((context) -> assertThat(context).doesNotHaveBean(InMemoryBrokerCheck.class));
		}

	}

	@Nested
	class ReactorNettyKeepAlive {

		private final ReactiveWebApplicationContextRunner reactive = new ReactiveWebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(InstanceIdentityAutoConfiguration.class,
					ReplicationReportAutoConfiguration.class))
			.withPropertyValues("scaleout.instance.id=replica-a");

		@Test
		void aNettyServerBefore138IsFound() {
			this.reactive.withBean(NettyReactiveWebServerFactory.class).run((context) -> {
				ReplicationReport.Builder report = new ReplicationReport.Builder();
				new ReactorNettyKeepAliveCheck(context.getBeanFactory(), context.getClassLoader(), "1.3.6.RELEASE")
					.inspect(report);
				assertThat(report.build("replica-a").findings()).singleElement().satisfies((finding) -> {
					assertThat(finding.id()).isEqualTo("reactor-netty-keep-alive");
					assertThat(finding.problem()).startsWith("The web server is Reactor Netty 1.3.6.RELEASE, which"
							+ " can stop reading a kept-alive connection (reactor/reactor-netty#4361, fixed in 1.3.8)");
					assertThat(finding.fix()).contains("reactor-bom.version", "2025.0.8");
				});
			});
		}

		@Test
		void theReactorNettyOfTheBuildIsReadFromItsJarAndHasTheFix() {
			this.reactive.withBean(NettyReactiveWebServerFactory.class).run((context) -> {
				assertThat(context).hasSingleBean(ReactorNettyKeepAliveCheck.class);
				assertThat(ReactorNettyKeepAliveCheck.versionOf("reactor.netty.http.server.HttpServer",
						context.getClassLoader()))
					.startsWith("1.3.8");
				ReplicationReport.Builder report = new ReplicationReport.Builder();
				context.getBean(ReactorNettyKeepAliveCheck.class).inspect(report);
				assertThat(report.build("replica-a").findings()).isEmpty();
			});
		}

		@Test
		void versionsFrom138OnAreNotAffected() {
			assertThat(ReactorNettyKeepAliveCheck.isAffected("1.3.6.RELEASE")).isTrue();
			assertThat(ReactorNettyKeepAliveCheck.isAffected("1.3.7")).isTrue();
			assertThat(ReactorNettyKeepAliveCheck.isAffected("1.2.18.RELEASE")).isTrue();
			assertThat(ReactorNettyKeepAliveCheck.isAffected("1.3.8.RELEASE")).isFalse();
			assertThat(ReactorNettyKeepAliveCheck.isAffected("1.3.10")).isFalse();
			assertThat(ReactorNettyKeepAliveCheck.isAffected("2.0.0-M3")).isFalse();
			assertThat(ReactorNettyKeepAliveCheck.isAffected("unknown")).isFalse();
		}

		@Test
		void anApplicationThatNettyDoesNotServeIsNotConcerned() {
			this.reactive.run((context) -> {
				ReplicationReport.Builder report = new ReplicationReport.Builder();
				new ReactorNettyKeepAliveCheck(context.getBeanFactory(), context.getClassLoader(), "1.3.6.RELEASE")
					.inspect(report);
				assertThat(report.build("replica-a").findings()).isEmpty();
			});
		}

		@Test
		void isNotCheckedInAServletApplication() {
			ReplicationReportAutoConfigurationTests.this.runner
				.run((context) -> assertThat(context).doesNotHaveBean(ReactorNettyKeepAliveCheck.class));
		}

	}

	static ReplicationReport report(AssertableApplicationContext context) {
		return context.getBean(ReplicationEndpoint.class).report();
	}

	@Configuration(proxyBeanMethods = false)
	static class OrderedChecks {

		@Bean
		@Order(2)
		ReplicationCheck secondCheck() {
			return (report) -> report.setUp("second");
		}

		@Bean
		@Order(1)
		ReplicationCheck firstCheck() {
			return (report) -> report.setUp("first");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UncreatableCheck {

		@Bean
		@Lazy
		ReplicationCheck uncreatableCheck() {
			throw new IllegalStateException("no way");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CountingCheck {

		private int runs;

		@Bean
		ReplicationCheck countingCheck() {
			return (report) -> report.setUp("run " + (++this.runs));
		}

	}

}
