package io.amira.client;

import io.amira.api.AmiConnectException;

import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The one deadline of a connect, {@code connectTimeout} from its start: the TCP connect, the TLS
 * handshake, the Challenge and the Login each get only what is left of it.
 */
final class ConnectDeadline {

    private final AmiClientConfig config;
    private final long deadlineNanos;

    private ConnectDeadline(AmiClientConfig config) {
        this.config = config;
        this.deadlineNanos = System.nanoTime() + config.connectTimeout().toNanos();
    }

    static ConnectDeadline start(AmiClientConfig config) {
        return new ConnectDeadline(config);
    }

    /**
     * What is left, for a socket timeout (at least 1 ms).
     *
     * @throws SocketTimeoutException when nothing is left
     */
    int remainingMillis() throws SocketTimeoutException {
        long remaining = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
        if (remaining <= 0) {
            throw new SocketTimeoutException("connect timeout of " + config.connectTimeout().toMillis() + " ms passed");
        }
        return (int) Math.min(Integer.MAX_VALUE, remaining);
    }

    /**
     * What is left, for an action's timeout.
     *
     * @throws AmiConnectException when nothing is left before {@code step}
     */
    Duration remainingFor(String step) throws AmiConnectException {
        long remaining = deadlineNanos - System.nanoTime();
        if (remaining <= 0) {
            throw passed(step, null);
        }
        return Duration.ofNanos(remaining);
    }

    /** The deadline passed during {@code step} (the TCP connect, the TLS handshake, the Login, ...). */
    AmiConnectException passed(String step, Exception cause) {
        return new AmiConnectException("No AMI session to " + config.server() + " within the connect timeout of "
                + config.connectTimeout().toMillis() + " ms: " + step + " did not complete in time (ConnectTimeoutMillis"
                + " bounds TCP connect, TLS handshake, Challenge and Login together). Check that the server is reachable"
                + " and not overloaded, or raise the connect timeout", cause);
    }
}
