package io.amira.outbound;

import io.amira.api.AmiAction;
import io.amira.api.AmiConnection;
import io.amira.api.AmiConnectionLostException;
import io.amira.api.AmiException;
import io.amira.api.AmiOriginateResult;
import io.amira.api.AmiResponse;
import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.cci.Connection;
import jakarta.resource.cci.ConnectionMetaData;
import jakarta.resource.cci.Interaction;
import jakarta.resource.cci.LocalTransaction;
import jakarta.resource.cci.ResultSetInfo;
import jakarta.resource.spi.CommException;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The handle an application holds, typed and CCI in one; it delegates to the ManagedConnection it
 * is attached to. Detached because its session died, it fails with the cause
 * ({@link AmiConnectionLostException}, CCI: {@link CommException}); closed by the application, it is
 * a programming error to use it.
 */
class AmiConnectionHandle implements AmiConnection, Connection {

    static final String CLOSED = "This Amira connection handle is closed; get a new one from the connection factory "
            + "(and use each handle only inside its try-with-resources block)";

    private volatile AmiManagedConnection managedConnection;
    /** Why the container took the connection away, when its session died. */
    private volatile AmiConnectionLostException lost;

    AmiConnectionHandle(AmiManagedConnection managedConnection) {
        this.managedConnection = managedConnection;
    }

    void attachTo(AmiManagedConnection connection) {
        this.managedConnection = connection;
    }

    /** Detaches the handle; {@code lost} (may be null) is why, when the session died. */
    void detach(AmiConnectionLostException cause) {
        this.lost = cause;
        this.managedConnection = null;
    }

    /** The attached connection, or null once closed or detached. */
    AmiManagedConnection currentManagedConnection() {
        return managedConnection;
    }

    /** For typed methods. */
    private AmiManagedConnection attached() throws AmiConnectionLostException {
        AmiManagedConnection current = managedConnection;
        if (current != null) {
            return current;
        }
        AmiConnectionLostException cause = lost;
        if (cause != null) {
            throw new AmiConnectionLostException(cause.getMessage(), cause);
        }
        throw new IllegalStateException(CLOSED);
    }

    /** For CCI methods: a lost session is a CommException, a closed handle an IllegalStateException. */
    AmiManagedConnection managedConnection() throws ResourceException {
        AmiManagedConnection current = managedConnection;
        if (current != null) {
            return current;
        }
        AmiConnectionLostException cause = lost;
        if (cause != null) {
            throw new CommException(cause.getMessage(), cause);
        }
        throw new jakarta.resource.spi.IllegalStateException(CLOSED);
    }

    @Override
    public AmiResponse send(AmiAction action) throws AmiException {
        return attached().client().send(action);
    }

    @Override
    public AmiResponse send(AmiAction action, Duration timeout) throws AmiException {
        return attached().client().send(action, timeout);
    }

    @Override
    public CompletableFuture<AmiResponse> sendAsync(AmiAction action) {
        try {
            return attached().client().sendAsync(action);
        } catch (AmiConnectionLostException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletableFuture<AmiResponse> sendAsync(AmiAction action, Duration timeout) {
        try {
            return attached().client().sendAsync(action, timeout);
        } catch (AmiConnectionLostException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public AmiOriginateResult originate(AmiAction originate, Duration timeout) throws AmiException {
        AmiManagedConnection current = attached();
        return AmiOriginateResult.of(current.client().sendAndAwaitEvent(
                OriginateEvents.asAsync(originate, current), OriginateEvents.EVENT, timeout));
    }

    @Override
    public CompletableFuture<AmiOriginateResult> originateAsync(AmiAction originate, Duration timeout) {
        try {
            AmiManagedConnection current = attached();
            return current.client().sendAndAwaitEventAsync(OriginateEvents.asAsync(originate, current),
                    OriginateEvents.EVENT, timeout).thenApply(AmiOriginateResult::of);
        } catch (AmiException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public Interaction createInteraction() throws ResourceException {
        managedConnection();
        return new AmiInteraction(this);
    }

    @Override
    public LocalTransaction getLocalTransaction() throws ResourceException {
        throw new NotSupportedException("Amira connections are not transactional (AMI has no transactions)");
    }

    @Override
    public ConnectionMetaData getMetaData() throws ResourceException {
        return new AmiManagedConnectionMetaData(managedConnection());
    }

    @Override
    public ResultSetInfo getResultSetInfo() throws ResourceException {
        throw new NotSupportedException("Amira returns records, not result sets");
    }

    @Override
    public void close() {
        AmiManagedConnection current = managedConnection;
        managedConnection = null;
        if (current != null) {
            current.handleClosed(this);
        }
    }
}
