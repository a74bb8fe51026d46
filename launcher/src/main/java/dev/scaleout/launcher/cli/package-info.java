/**
 * The command line of {@code ./scaleout}: the commands, the one table of flags that both
 * the parser and the help text read, and the entry point that runs a command.
 */
@NullMarked
package dev.scaleout.launcher.cli;

import org.jspecify.annotations.NullMarked;
