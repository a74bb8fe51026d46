package dev.scaleout.report;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabase;
import org.springframework.util.ClassUtils;

/**
 * Finds {@link DataSource}s whose database lives inside this process — in memory or in its own files — so that each
 * replica would have its own data. The JDBC URL is read from HikariCP's settings without connecting; only another
 * kind of pool is asked through a connection's metadata, and one that cannot connect is left out.
 */
final class InMemoryDatabaseCheck implements ReplicationCheck {

	static final String ID = "in-memory-database";

	private static final Log logger = LogFactory.getLog(InMemoryDatabaseCheck.class);

	private static final String URL_PROPERTY = "spring.datasource.url";

	private static final String EMBEDDED = ClassUtils.getShortName(EmbeddedDatabase.class);

	private static final String HIKARI = "com.zaxxer.hikari.HikariDataSource";

	private final ListableBeanFactory beans;

	private final Environment environment;

	private final boolean hikariPresent;

	InMemoryDatabaseCheck(ListableBeanFactory beans, Environment environment, @Nullable ClassLoader classLoader) {
		this.beans = beans;
		this.environment = environment;
		this.hikariPresent = ClassUtils.isPresent(HIKARI, classLoader);
	}

	@Override
	public void inspect(ReplicationReport.Builder report) {
		this.beans.getBeansOfType(DataSource.class, false, false).forEach((name, dataSource) -> {
			DataSource target = unwrap(dataSource);
			if (target instanceof EmbeddedDatabase) {
				report.finding(ID, "DataSource '" + name + "' is an embedded in-memory database (" + EMBEDDED
						+ "): each replica would have its own data, and lose it when it stops", fix());
				return;
			}
			String url = jdbcUrl(name, target);
			ProcessLocalDatabase kind = (url != null) ? ProcessLocalDatabase.of(url) : null;
			if (url != null && kind != null) {
				report.finding(ID, "DataSource '" + name + "' is " + kind.description() + " ("
						+ ProcessLocalDatabase.shown(url) + "): each replica would have its own data"
						+ ((kind == ProcessLocalDatabase.IN_MEMORY) ? ", and lose it when it stops" : ""), fix());
			}
		});
	}

	private String fix() {
		String notSet = this.environment.containsProperty(URL_PROPERTY) ? "" : ", which is not set,";
		return "Use a database server that every replica shares: point " + URL_PROPERTY + notSet
				+ " at it (with its username, password and driver), e.g. jdbc:postgresql://db:5432/app";
	}

	private static DataSource unwrap(DataSource dataSource) {
		DataSource target = dataSource;
		while (target instanceof DelegatingDataSource delegating && delegating.getTargetDataSource() != null) {
			target = delegating.getTargetDataSource();
		}
		return target;
	}

	private @Nullable String jdbcUrl(String name, DataSource dataSource) {
		if (this.hikariPresent) {
			String url = Hikari.jdbcUrl(dataSource);
			if (url != null) {
				return url;
			}
		}
		try (Connection connection = dataSource.getConnection()) {
			return connection.getMetaData().getURL();
		}
		catch (SQLException | RuntimeException ex) {
			logger.debug("Left out DataSource '" + name + "': its JDBC URL could not be read", ex);
			return null;
		}
	}

	/**
	 * Touches HikariCP's types only when it is on the class path.
	 */
	private static final class Hikari {

		static @Nullable String jdbcUrl(DataSource dataSource) {
			return (dataSource instanceof HikariDataSource hikari) ? hikari.getJdbcUrl() : null;
		}

	}

}
