package dev.scaleout.scheduling;

import java.util.List;

import dev.scaleout.report.ReplicationCheck;
import dev.scaleout.report.ReplicationReport;
import dev.scaleout.report.ReplicationReport.Finding;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.spring.ExtendedLockConfigurationExtractor;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.scheduling.config.ScheduledTaskHolder;

/**
 * Reports the cluster-once jobs, every {@code @Scheduled} method without {@code @SchedulerLock} (it runs on every
 * replica at every tick), and cluster-once jobs being off for want of a lock provider.
 */
final class ClusterOnceJobsCheck implements ReplicationCheck {

	static final String UNLOCKED = "unlocked-scheduled-job";

	private final ListableBeanFactory beans;

	private final String redisLockKeyPrefix;

	private final @Nullable ClassLoader classLoader;

	/**
	 * Creates the check.
	 * @param beans where the scheduled tasks, the lock provider and ShedLock are
	 * @param redisLockKeyPrefix the prefix of the keys of the starter's locks in Redis
	 * @param classLoader the application's class loader
	 */
	ClusterOnceJobsCheck(ListableBeanFactory beans, String redisLockKeyPrefix, @Nullable ClassLoader classLoader) {
		this.beans = beans;
		this.redisLockKeyPrefix = redisLockKeyPrefix;
		this.classLoader = classLoader;
	}

	@Override
	public void inspect(ReplicationReport.Builder report) {
		List<ScheduledJob> jobs = ScheduledJob.of(
				this.beans.getBeanProvider(ScheduledTaskHolder.class).orderedStream(), this.classLoader);
		List<String> locked = jobs.stream().filter(ScheduledJob::locked).map(ScheduledJob::name).toList();
		String[] lockProviders = this.beans.getBeanNamesForType(LockProvider.class);
		boolean shedLockOn = this.beans.getBeanNamesForType(ExtendedLockConfigurationExtractor.class).length > 0;
		if (lockProviders.length > 0 && shedLockOn) {
			String which = locked.isEmpty() ? "a @Scheduled method with @SchedulerLock runs"
					: String.join(", ", locked) + ((locked.size() == 1) ? " runs" : " run");
			report.setUp(
					"Cluster-once jobs: " + which + " on one replica per tick, locked " + lockedWhere(lockProviders));
		}
		else if (!jobs.isEmpty()) {
			report.finding(Finding.FEATURE_OFF, "Cluster-once jobs are off: " + whyOff(lockProviders)
					+ ", so every replica runs each @Scheduled method at every tick"
					+ (locked.isEmpty() ? "" : ", @SchedulerLock or not (" + String.join(", ", locked) + ")"),
					"Give ShedLock a lock store: configure Redis (spring.data.redis.*), where the starter keeps the"
							+ " locks, or declare a LockProvider bean of your own and add @EnableSchedulerLock");
		}
		jobs.stream()
			.filter((job) -> !job.locked())
			.forEach((job) -> report.finding(UNLOCKED,
					"@Scheduled method " + job.name() + " has no @SchedulerLock: every replica runs it at every tick",
					"Add @SchedulerLock(name = \"" + lockName(job) + "\") to it so that one replica"
							+ " runs each tick; leave it as it is only if every replica must run it (e.g. to"
							+ " refresh something of its own)"));
	}

	/**
	 * A lock name to suggest: the method's class without its package or enclosing class, and the method.
	 */
	private static String lockName(ScheduledJob job) {
		return job.name().substring(job.name().lastIndexOf('.') + 1).replace('#', '.');
	}

	private String lockedWhere(String[] lockProviders) {
		if (lockProviders.length == 1
				&& lockProviders[0].equals(ClusterOnceSchedulingAutoConfiguration.REDIS_LOCK_PROVIDER_BEAN)) {
			return "in Redis under " + this.redisLockKeyPrefix + "<lock name>";
		}
		return "by the application's LockProvider (" + String.join(", ", lockProviders) + ")";
	}

	private static String whyOff(String[] lockProviders) {
		return (lockProviders.length == 0)
				? "there is no ShedLock LockProvider (no RedisConnectionFactory to keep the locks in)"
				: "ShedLock is not switched on (no @EnableSchedulerLock)";
	}

}
