package dev.scaleout.report;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessLocalDatabaseTests {

	@ParameterizedTest
	@ValueSource(strings = { "jdbc:h2:mem:orders", "jdbc:h2:mem:", "JDBC:H2:MEM:Orders;DB_CLOSE_DELAY=-1",
			"jdbc:hsqldb:mem:orders", "jdbc:derby:memory:orders;create=true", "jdbc:sqlite::memory:", "jdbc:sqlite:",
			"jdbc:sqlite:file::memory:?cache=shared", "jdbc:sqlite:file:orders?mode=memory" })
	void inMemory(String url) {
		assertThat(ProcessLocalDatabase.of(url)).isEqualTo(ProcessLocalDatabase.IN_MEMORY);
	}

	@ParameterizedTest
	@ValueSource(strings = { "jdbc:h2:file:./data/orders", "jdbc:h2:~/orders", "jdbc:h2:./orders",
			"jdbc:h2:/var/lib/orders;AUTO_SERVER=TRUE", "jdbc:hsqldb:file:/var/lib/orders", "jdbc:derby:orders",
			"jdbc:derby:directory:/var/lib/orders", "jdbc:sqlite:/var/lib/orders.db", "jdbc:sqlite:orders.db" })
	void inFilesOfTheProcess(String url) {
		assertThat(ProcessLocalDatabase.of(url)).isEqualTo(ProcessLocalDatabase.FILE);
	}

	@ParameterizedTest
	@ValueSource(strings = { "jdbc:postgresql://db:5432/orders", "jdbc:mysql://db/orders", "jdbc:h2:tcp://db/orders",
			"jdbc:h2:ssl://db/orders", "jdbc:hsqldb:hsql://db/orders", "jdbc:hsqldb:res:/orders",
			"jdbc:derby://db:1527/orders", "jdbc:derby:classpath:orders", "jdbc:oracle:thin:@db:1521/orders" })
	void sharedOrReadOnly(String url) {
		assertThat(ProcessLocalDatabase.of(url)).isNull();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "jdbc:h2:mem:orders;PASSWORD=secret|jdbc:h2:mem:orders",
			"jdbc:sqlite:orders.db?password=secret|jdbc:sqlite:orders.db",
			"jdbc:derby:memory:orders;create=true?x=1|jdbc:derby:memory:orders",
			"jdbc:h2:mem:orders|jdbc:h2:mem:orders" })
	void isShownWithoutItsSettings(String url, String shown) {
		assertThat(ProcessLocalDatabase.shown(url)).isEqualTo(shown);
	}

}
