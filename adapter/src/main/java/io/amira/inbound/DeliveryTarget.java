package io.amira.inbound;

import io.amira.api.AmiEvent;

/** Where a dispatcher's worker delivers events: one session per worker run, used by one thread. */
interface DeliveryTarget {

    Session openSession();

    interface Session {
        /** Delivers one event; {@code false} when the bean (or the container) failed on it, already logged. */
        boolean deliver(AmiEvent event);

        /** Gives back whatever the session holds (the message endpoint). */
        void close();
    }
}
