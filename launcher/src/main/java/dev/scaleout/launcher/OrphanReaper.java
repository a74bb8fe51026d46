package dev.scaleout.launcher;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Guarantees that no child outlives the launcher, even when the launcher is killed with
 * SIGKILL and cannot stop them itself. Replicas built on the starter exit by themselves
 * ({@code scaleout.shutdown.parent-pid}), but the gateway, Redis and {@code --app} jars
 * without the starter do not. So a tiny shell process, in a session of its own, waits for
 * the launcher's pid to disappear, then sends SIGTERM to every child listed in the
 * children file, and SIGKILL to those still there 30 seconds later. Each line of that file
 * is a pid and its start time, so a pid reused by an unrelated process is left alone.
 */
public final class OrphanReaper {

	private static final String SCRIPT = """
			launcher=$1; children=$2
			while kill -0 "$launcher" 2>/dev/null; do sleep 1; done
			signal_children() {
			  [ -f "$children" ] || return 1
			  found=1
			  while read -r pid start; do
			    [ -n "$pid" ] || continue
			    now=$(cut -d' ' -f22 "/proc/$pid/stat" 2>/dev/null) || continue
			    if [ "$now" = "$start" ]; then kill "-$1" "$pid" 2>/dev/null; found=0; fi
			  done < "$children"
			  return $found
			}
			signal_children TERM || exit 0
			i=0
			while [ $i -lt 30 ] && signal_children 0; do sleep 1; i=$((i+1)); done
			signal_children KILL
			rm -f "$children"
			""";

	private final Path childrenFile;

	private final Set<ChildProcess> children = new LinkedHashSet<>();

	private @Nullable Process reaper;

	public OrphanReaper(Path childrenFile) {
		this.childrenFile = childrenFile;
	}

	/**
	 * Starts the watching shell process.
	 */
	public void start() {
		List<String> command = new ArrayList<>();
		Executables.find("setsid").ifPresent((setsid) -> command.add(setsid.toString()));
		command.addAll(List.of("sh", "-c", SCRIPT, "scaleout-reaper", Long.toString(ProcessHandle.current().pid()),
				this.childrenFile.toString()));
		try {
			write();
			this.reaper = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(Redirect.DISCARD)
				.redirectInput(Redirect.from(new File("/dev/null")))
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the orphan reaper (sh)", ex);
		}
	}

	public synchronized void track(ChildProcess child) {
		this.children.add(child);
		write();
	}

	public synchronized void forget(ChildProcess child) {
		if (this.children.remove(child)) {
			write();
		}
	}

	/**
	 * Stops the watcher once the launcher has stopped every child itself.
	 */
	public void stop() {
		if (this.reaper != null) {
			this.reaper.destroy();
		}
		try {
			Files.deleteIfExists(this.childrenFile);
		}
		catch (IOException ex) {
			// nothing left to protect
		}
	}

	private void write() {
		StringBuilder lines = new StringBuilder();
		for (ChildProcess child : this.children) {
			lines.append(child.pid()).append(' ').append(ProcessMemory.startTicks(child.pid())).append('\n');
		}
		try {
			Path temporary = this.childrenFile.resolveSibling(this.childrenFile.getFileName() + ".tmp");
			Files.writeString(temporary, lines);
			Files.move(temporary, this.childrenFile, StandardCopyOption.REPLACE_EXISTING,
					StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write " + this.childrenFile, ex);
		}
	}

}
