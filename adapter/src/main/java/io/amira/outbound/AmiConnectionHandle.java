package io.amira.outbound;

import io.amira.api.AmiConnection;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.IllegalStateException;

/** The handle an application holds; it delegates to the ManagedConnection it is attached to. */
class AmiConnectionHandle implements AmiConnection {

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

    AmiManagedConnection managedConnection() throws ResourceException {
        AmiManagedConnection current = managedConnection;
        if (current == null) {
            throw new IllegalStateException("This Amira connection handle is closed; get a new one from the connection factory");
        }
        return current;
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
