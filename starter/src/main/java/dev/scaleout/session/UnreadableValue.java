package dev.scaleout.session;

/**
 * Stands for a session value that could not be read back: corrupt, or written by an incompatible version of the
 * application. A session holding one is treated as no session.
 *
 * @param reason why it could not be read
 */
record UnreadableValue(String reason) {

}
