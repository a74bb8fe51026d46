/**
 * Class-data sharing for the replicas ({@code --cds auto}): the archives under the run
 * directory, the training run that makes one, and the choice of what a replica runs.
 */
package dev.scaleout.launcher.cds;
