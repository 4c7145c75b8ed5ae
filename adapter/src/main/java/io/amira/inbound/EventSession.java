package io.amira.inbound;

import io.amira.api.AmiEvent;
import io.amira.client.AmiClientConfig;

import java.util.concurrent.Executor;

/** One logged-in AMI session that streams events; closing it ends the session and its socket. */
interface EventSession extends AutoCloseable {

    /** The server as {@code host:port}. */
    String server();

    @Override
    void close();

    /** What a session reports, on its reading thread: must not block. */
    interface Listener {
        void onEvent(AmiEvent event);

        /** Once, when the session dies other than by {@link #close()}. */
        void onDisconnect(Exception cause);
    }

    /** Opens sessions: connect, log in ({@code config} has the filter's event mask), install the server-side filter. */
    interface Factory {
        EventSession open(AmiClientConfig config, EventFilter filter, Listener listener, Executor readerExecutor)
                throws Exception;
    }
}
