/**
 * A bounded pool for CPU-heavy work that sheds load with 503 instead of queueing without end.
 */
@NullMarked
package dev.scaleout.work;

import org.jspecify.annotations.NullMarked;
