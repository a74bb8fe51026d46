/**
 * Open probes: the liveness and readiness health groups answer an orchestrator or a gateway without credentials
 * and without creating a session, whatever the application's own Spring Security configuration requires.
 */
@NullMarked
package dev.scaleout.probes;

import org.jspecify.annotations.NullMarked;
