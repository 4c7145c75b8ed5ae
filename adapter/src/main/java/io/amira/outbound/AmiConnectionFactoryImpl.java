package io.amira.outbound;

import io.amira.api.AmiConnection;
import io.amira.api.AmiConnectionFactory;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;

import javax.naming.Reference;

/** The connection factory applications look up; every connection comes from the container's pool. */
public class AmiConnectionFactoryImpl implements AmiConnectionFactory {

    private static final long serialVersionUID = 1L;

    private final transient AmiManagedConnectionFactory managedConnectionFactory;
    private final transient ConnectionManager connectionManager;
    private Reference reference;

    AmiConnectionFactoryImpl(AmiManagedConnectionFactory managedConnectionFactory, ConnectionManager connectionManager) {
        this.managedConnectionFactory = managedConnectionFactory;
        this.connectionManager = connectionManager;
    }

    @Override
    public AmiConnection getConnection() throws ResourceException {
        return (AmiConnection) connectionManager.allocateConnection(managedConnectionFactory, null);
    }

    @Override
    public void setReference(Reference reference) {
        this.reference = reference;
    }

    @Override
    public Reference getReference() {
        return reference;
    }
}
