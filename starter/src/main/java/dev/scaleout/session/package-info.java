/**
 * Sessions in Redis, stored as JSON, so that any replica can serve any user.
 */
package dev.scaleout.session;
