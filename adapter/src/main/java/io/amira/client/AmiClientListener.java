package io.amira.client;

import io.amira.api.AmiEvent;
import io.amira.api.AmiException;

/**
 * Receives what an {@link AmiClient} session hears besides answers to its own actions. Both
 * methods run on the session's reading thread: return quickly and never block (hand the event to
 * your own queue or executor), or Asterisk disconnects a session that stops reading.
 */
public interface AmiClientListener {

    /** One event; an exception thrown here is logged and the session goes on. */
    void onEvent(AmiEvent event);

    /** Called once when the session dies (socket lost, keepalive unanswered); not after {@code close()}. */
    default void onDisconnect(AmiException cause) {
    }
}
