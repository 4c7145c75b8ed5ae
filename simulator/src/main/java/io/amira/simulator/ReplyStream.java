package io.amira.simulator;

/**
 * A reply written in slices by the session's writer and encoded as it goes (a list of 200,000
 * channels, a Command of 200,000 lines), so a huge answer costs no more memory than its snapshot.
 */
interface ReplyStream {
    /** The next slice of bytes to write, or null when the reply is complete. */
    byte[] next();
}
