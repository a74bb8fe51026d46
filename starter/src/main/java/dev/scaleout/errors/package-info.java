/**
 * Error responses: RFC 9457 problem details for API clients, the application's own HTML error pages for browsers.
 */
@NullMarked
package dev.scaleout.errors;

import org.jspecify.annotations.NullMarked;
