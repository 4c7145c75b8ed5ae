package io.amira.inbound;

import io.amira.api.AmiEvent;
import jakarta.resource.spi.UnavailableException;

/** Where a dispatcher's worker delivers events: one session per worker run, used by one thread. */
interface DeliveryTarget {

    Session openSession();

    interface Session {
        /**
         * Delivers one event; {@code false} when the bean (or the container) failed on it, already logged.
         *
         * @throws UnavailableException no endpoint could be had (e.g. the MDB pool is exhausted or the
         *         deployment is stopping): nothing was delivered, the event may be offered again later
         */
        boolean deliver(AmiEvent event) throws UnavailableException;

        /** Gives back whatever the session holds (the message endpoint). */
        void close();
    }
}
