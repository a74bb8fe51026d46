/**
 * Sessions in Redis, stored as JSON, so that any replica can serve any user.
 */
@NullMarked
package dev.scaleout.session;

import org.jspecify.annotations.NullMarked;
