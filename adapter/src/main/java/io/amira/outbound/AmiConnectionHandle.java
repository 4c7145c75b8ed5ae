package io.amira.outbound;

import io.amira.api.AmiAction;
import io.amira.api.AmiConnection;
import io.amira.api.AmiException;
import io.amira.api.AmiOriginateResult;
import io.amira.api.AmiResponse;
import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.cci.ConnectionMetaData;
import jakarta.resource.cci.Interaction;
import jakarta.resource.cci.LocalTransaction;
import jakarta.resource.cci.ResultSetInfo;
import jakarta.resource.spi.IllegalStateException;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** The handle an application holds; it delegates to the ManagedConnection it is attached to. */
class AmiConnectionHandle implements AmiConnection {

    static final String CLOSED = "This Amira connection handle is closed; get a new one from the connection factory "
            + "(and use each handle only inside its try-with-resources block)";

    private volatile AmiManagedConnection managedConnection;

    AmiConnectionHandle(AmiManagedConnection managedConnection) {
        this.managedConnection = managedConnection;
    }

    void attachTo(AmiManagedConnection connection) {
        this.managedConnection = connection;
    }

    void detach() {
        this.managedConnection = null;
    }

    /** The attached connection, or null once closed or detached. */
    AmiManagedConnection currentManagedConnection() {
        return managedConnection;
    }

    /** For CCI methods: a closed handle is a ResourceException. */
    AmiManagedConnection managedConnection() throws ResourceException {
        AmiManagedConnection current = managedConnection;
        if (current == null) {
            throw new IllegalStateException(CLOSED);
        }
        return current;
    }

    /** For typed methods: a closed handle is a programming error. */
    private AmiManagedConnection attached() {
        AmiManagedConnection current = managedConnection;
        if (current == null) {
            throw new java.lang.IllegalStateException(CLOSED);
        }
        return current;
    }

    @Override
    public AmiResponse send(AmiAction action) throws AmiException {
        AmiManagedConnection current = attached();
        return current.client().send(action, current.settings().actionTimeout());
    }

    @Override
    public AmiResponse send(AmiAction action, Duration timeout) throws AmiException {
        return attached().client().send(action, timeout);
    }

    @Override
    public CompletableFuture<AmiResponse> sendAsync(AmiAction action) {
        AmiManagedConnection current = attached();
        return current.client().sendAsync(action, current.settings().actionTimeout());
    }

    @Override
    public CompletableFuture<AmiResponse> sendAsync(AmiAction action, Duration timeout) {
        return attached().client().sendAsync(action, timeout);
    }

    @Override
    public CompletableFuture<AmiOriginateResult> originateAsync(AmiAction originate, Duration timeout) {
        AmiManagedConnection current = attached();
        if (!"Originate".equalsIgnoreCase(originate.name())) {
            throw new IllegalArgumentException("originateAsync sends an Originate, not " + originate.name());
        }
        if (!current.receivesOriginateEvents()) {
            return CompletableFuture.failedFuture(new AmiException("Originate on " + current.settings().server()
                    + " cannot report its outcome: AMI user " + current.username() + " may not set the event filter "
                    + "pooled sessions need (grant write=system in manager.conf), so no OriginateResponse arrives;"
                    + " send a synchronous Originate instead"));
        }
        AmiAction async = originate.get("Async") == null
                ? originate.toBuilder().header("Async", "true").build() : originate;
        return current.client().sendAndAwaitEvent(async, OriginateEvents.EVENT, timeout).thenApply(AmiOriginateResult::of);
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
