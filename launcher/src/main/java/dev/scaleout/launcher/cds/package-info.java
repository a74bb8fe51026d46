/**
 * Class-data sharing for the replicas ({@code --cds auto}): the archives under the run
 * directory (CDS archives, or AOT caches on Java 25 and later), the training run that
 * makes one, and the choice of what a replica runs.
 */
@NullMarked
package dev.scaleout.launcher.cds;

import org.jspecify.annotations.NullMarked;
