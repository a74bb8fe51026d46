package dev.scaleout.report;

import java.util.List;

import dev.scaleout.report.ReplicationReport.Finding;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReplicationReportLogTests {

	@Test
	void oneBlockWithAHeaderWhatWasSetUpAndWhatWasFoundEachWithItsFix() {
		ReplicationReport report = new ReplicationReport("replica-a", List.of("Sessions in Redis", "Work pool"),
				List.of(new Finding("in-memory-database", "DataSource 'dataSource' is in memory", "Use a server"),
						new Finding("local-cache", "CacheManager 'cacheManager' is local", "Use Redis")));
		assertThat(ReplicationReportLog.format(report)).isEqualTo("""
				Replication report of instance replica-a: 2 findings that break under many replicas
				  set up:
				    - Sessions in Redis
				    - Work pool
				  found:
				    - [in-memory-database] DataSource 'dataSource' is in memory
				      fix: Use a server
				    - [local-cache] CacheManager 'cacheManager' is local
				      fix: Use Redis""");
	}

	@Test
	void saysSoWhenNothingWasFound() {
		ReplicationReport report = new ReplicationReport("replica-a", List.of("Work pool"), List.of());
		assertThat(ReplicationReportLog.format(report)).isEqualTo("""
				Replication report of instance replica-a: nothing found that breaks under many replicas
				  set up:
				    - Work pool
				  found: nothing""");
	}

	@Test
	void oneFindingIsOne() {
		ReplicationReport report = new ReplicationReport("replica-a", List.of(),
				List.of(new Finding("local-cache", "local", "Use Redis")));
		assertThat(ReplicationReportLog.format(report)).startsWith("Replication report of instance replica-a:"
				+ " 1 finding that breaks under many replicas\n  set up: nothing");
	}

}
