package io.amira.api;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * An application's handle on one pooled AMI connection. Close it when done (try-with-resources):
 * the AMI session stays open in the pool. Every operation comes in a blocking form, which throws
 * the {@link AmiException} family, and an {@code ...Async} form, whose future fails with the same
 * exceptions.
 *
 * <p>When the pooled session dies while a handle is held (Asterisk restarted, the socket dropped,
 * the keepalive expired), every later call on the handle fails with
 * {@link AmiConnectionLostException} naming the server and the cause; get a new connection. Using
 * a handle the application has closed is a programming error ({@link IllegalStateException}).
 *
 * <p>Futures complete on the session's reading thread: attach only quick, non-blocking callbacks
 * there, or continue with the {@code ...Async} stages on the application's own executor. A future
 * still completes after the handle is closed, as long as the pooled session lives.
 */
public interface AmiConnection extends AutoCloseable {

    /**
     * Sends the action and waits for its answer (list actions: the response with its
     * {@link AmiResponse#events() events}; Command: with its {@link AmiResponse#outputLines() output})
     * up to the connection definition's action timeout.
     *
     * @throws AmiActionFailedException Asterisk answered {@code Response: Error} (its Message is in the text)
     * @throws AmiPermissionDeniedException the AMI user may not send this action
     * @throws AmiTimeoutException no answer in time
     * @throws AmiConnectionLostException the session died; the pool replaces it
     */
    AmiResponse send(AmiAction action) throws AmiException;

    /** As {@link #send(AmiAction)}, waiting up to {@code timeout}. */
    AmiResponse send(AmiAction action, Duration timeout) throws AmiException;

    /** Sends the action; the future completes with the answer or with the exceptions {@link #send} throws. */
    CompletableFuture<AmiResponse> sendAsync(AmiAction action);

    /** As {@link #sendAsync(AmiAction)}, failing with {@link AmiTimeoutException} after {@code timeout}. */
    CompletableFuture<AmiResponse> sendAsync(AmiAction action, Duration timeout);

    /**
     * Sends an Originate with {@code Async: true} (added when absent) and waits for this
     * Originate's own {@code OriginateResponse}: the call's outcome (answered, busy, no answer, ...)
     * as Asterisk reports it. {@code timeout} covers the response and the outcome together; make it
     * longer than the Originate's own {@code Timeout}. The connection stays borrowed while this
     * waits: to place many calls at once, use {@link #originateAsync} and close the connection.
     *
     * @throws AmiActionFailedException Asterisk refused the Originate ({@code Response: Error})
     * @throws AmiTimeoutException no outcome within {@code timeout}
     * @throws AmiException as {@link #send}, or when this pooled session cannot receive the outcome
     *         (the AMI user may not set the event filter pooled sessions need)
     */
    AmiOriginateResult originate(AmiAction originate, Duration timeout) throws AmiException;

    /** As {@link #originate}; the future completes with the outcome or fails with its exceptions. */
    CompletableFuture<AmiOriginateResult> originateAsync(AmiAction originate, Duration timeout);

    /** Gives the connection back to the pool; calling it again does nothing. */
    @Override
    void close();
}
