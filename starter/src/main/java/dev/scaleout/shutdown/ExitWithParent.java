package dev.scaleout.shutdown;

import java.util.Optional;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;

/**
 * Closes the application — gracefully, drain included — when the supervisor process that started it exits, even
 * when the supervisor was killed with SIGKILL and could not stop its children itself. A replica whose parent is
 * already gone at startup stops at once.
 */
final class ExitWithParent implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(ExitWithParent.class);

	private final ConfigurableApplicationContext context;

	private final long parentPid;

	private volatile boolean running;

	ExitWithParent(ConfigurableApplicationContext context, long parentPid) {
		this.context = context;
		this.parentPid = parentPid;
	}

	@Override
	public void start() {
		this.running = true;
		Optional<ProcessHandle> parent = ProcessHandle.of(this.parentPid);
		if (parent.isEmpty()) {
			closeBecauseParentExited();
			return;
		}
		parent.get().onExit().thenRun(this::closeBecauseParentExited);
	}

	private void closeBecauseParentExited() {
		if (!this.running) {
			return;
		}
		logger.warn("Parent process " + this.parentPid + " has exited; shutting down so as not to run as an orphan");
		// Not on the thread that noticed: closing waits for lifecycle phases, this one included.
		Thread closer = new Thread(this.context::close, "exit-with-parent");
		closer.setDaemon(false);
		closer.start();
	}

	@Override
	public void stop() {
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
