package dev.scaleout.kit;

/**
 * A session value of a type outside the application's packages, which the session JSON does not trust.
 *
 * @param page the page
 */
public record Bookmark(int page) {
}
