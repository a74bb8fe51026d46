/**
 * Load balancing: the supplier chain of available backends, slow start, and one chooser
 * per strategy behind a {@code ReactorServiceInstanceLoadBalancer}.
 */
package dev.scaleout.gateway.balancing;
