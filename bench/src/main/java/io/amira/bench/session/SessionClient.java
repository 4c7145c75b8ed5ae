package io.amira.bench.session;

/** One client library's session as the load drivers use it. */
interface SessionClient extends AutoCloseable {

    /** Sends a Ping and waits for its answer. */
    void ping() throws Exception;

    /** How many events the session's listener has counted. */
    long eventsReceived();

    @Override
    void close() throws Exception;
}
