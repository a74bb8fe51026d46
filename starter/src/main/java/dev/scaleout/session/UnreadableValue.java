package dev.scaleout.session;

import org.jspecify.annotations.Nullable;

/**
 * Stands for a session value that could not be read back: of a type that is not trusted, corrupt, or written by an
 * incompatible version of the application. {@link TolerantSessionMapper} drops the attribute that holds one and
 * keeps the rest of the session.
 *
 * @param type the type that could not be read: the nested one that is not trusted, or the one the JSON names;
 * {@code null} when the JSON names none
 * @param reason why, worded to follow the type, e.g. "is not a trusted type"
 * @param cause what kind of reason it is
 */
record UnreadableValue(@Nullable String type, String reason, Cause cause) {

	/**
	 * What kind of reason keeps a value from being read.
	 */
	enum Cause {

		/**
		 * The type exists here but is not trusted; trusting its package makes it readable.
		 */
		UNTRUSTED_TYPE,

		/**
		 * No class of that name exists here: the value was written by another build of the application.
		 */
		MISSING_CLASS,

		/**
		 * The value has no faithful JSON form: it cannot be written, cannot be read, or reads back as something
		 * else.
		 */
		NO_JSON_FORM,

		/**
		 * The JSON goes beyond a limit of scaleout.session.json: too long, too deep, too many elements.
		 */
		OVER_LIMIT

	}

}
