/**
 * The bench's tiny app: one source, built plain, with stock Spring Session and with the Scaleout starter, so
 * that bench/run can compare what each costs per request.
 */
@NullMarked
package dev.scaleout.bench.app;

import org.jspecify.annotations.NullMarked;
