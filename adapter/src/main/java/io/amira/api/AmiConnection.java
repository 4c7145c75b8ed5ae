package io.amira.api;

import jakarta.resource.ResourceException;
import jakarta.resource.cci.Connection;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * An application's handle on one pooled AMI connection; also its CCI {@link Connection}. Close it
 * when done (try-with-resources): the AMI session stays open in the pool. Using a closed handle
 * throws an {@link IllegalStateException} (typed methods) or a
 * {@link jakarta.resource.spi.IllegalStateException} (CCI methods).
 *
 * <p>Futures complete on the session's reading thread: attach only quick, non-blocking callbacks
 * there, or continue with the {@code ...Async} stages on the application's own executor. A future
 * still completes after the handle is closed, as long as the pooled session lives.
 */
public interface AmiConnection extends Connection, AutoCloseable {

    /**
     * Sends the action and waits for its answer (list actions: the response with its
     * {@link AmiResponse#events() events}; Command: with its {@link AmiResponse#outputLines() output})
     * up to the connection definition's action timeout.
     *
     * @throws AmiActionFailedException Asterisk answered {@code Response: Error} (its Message is in the text)
     * @throws AmiPermissionDeniedException the AMI user may not send this action
     * @throws AmiTimeoutException no answer in time
     * @throws AmiConnectionLostException the session died; the pool replaces it
     * @throws InvalidHeaderException (unchecked) a header holds CR/LF or is too long; nothing was sent
     */
    AmiResponse send(AmiAction action) throws AmiException;

    /** As {@link #send(AmiAction)}, waiting up to {@code timeout}. */
    AmiResponse send(AmiAction action, Duration timeout) throws AmiException;

    /** Sends the action; the future completes with the answer or with the exceptions {@link #send} throws. */
    CompletableFuture<AmiResponse> sendAsync(AmiAction action);

    /** As {@link #sendAsync(AmiAction)}, failing with {@link AmiTimeoutException} after {@code timeout}. */
    CompletableFuture<AmiResponse> sendAsync(AmiAction action, Duration timeout);

    /**
     * Sends an Originate with {@code Async: true} (added when absent) and completes with this
     * Originate's own {@code OriginateResponse} (reason code, Uniqueid) once Asterisk reports the
     * call's outcome, or exceptionally (Error response, timeout covering both, connection lost).
     */
    CompletableFuture<AmiOriginateResult> originateAsync(AmiAction originate, Duration timeout);

    /** Gives the connection back to the pool; calling it again does nothing. */
    @Override
    void close() throws ResourceException;
}
