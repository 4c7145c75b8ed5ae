package io.amira.outbound;

import io.amira.api.AmiAuthenticationException;
import io.amira.api.AmiConnectException;
import io.amira.api.AmiConnection;
import io.amira.api.AmiConnectionFactory;
import io.amira.api.AmiConnectionSpec;
import io.amira.api.AmiException;
import jakarta.resource.Referenceable;
import jakarta.resource.ResourceException;
import jakarta.resource.cci.ConnectionFactory;
import jakarta.resource.spi.ConnectionManager;

import javax.naming.Reference;
import java.io.Serializable;

/**
 * The typed connection factory applications look up. Every connection comes from the container's
 * ConnectionManager; the container's failures become {@link AmiException}s. Its {@link #cci()} view
 * shares the pool.
 */
public class AmiConnectionFactoryImpl implements AmiConnectionFactory, Serializable, Referenceable {

    private static final long serialVersionUID = 1L;

    private final transient AmiManagedConnectionFactory managedConnectionFactory;
    private final transient ConnectionManager connectionManager;
    private final transient CciConnectionFactory cci;
    private Reference reference;

    AmiConnectionFactoryImpl(AmiManagedConnectionFactory managedConnectionFactory, ConnectionManager connectionManager) {
        this.managedConnectionFactory = managedConnectionFactory;
        this.connectionManager = connectionManager;
        this.cci = new CciConnectionFactory(this);
    }

    @Override
    public AmiConnection getConnection() throws AmiException {
        return allocate(AmiRequestInfo.DEFAULT);
    }

    @Override
    public AmiConnection getConnection(String username, String secret) throws AmiException {
        return allocate(AmiRequestInfo.of(new AmiConnectionSpec(username, secret)));
    }

    private AmiConnection allocate(AmiRequestInfo request) throws AmiException {
        try {
            return (AmiConnection) allocateHandle(request);
        } catch (ResourceException e) {
            throw translate(e, request);
        }
    }

    /** A handle from the pool for {@code request}, the container's exceptions as they are (CCI needs them). */
    AmiConnectionHandle allocateHandle(AmiRequestInfo request) throws ResourceException {
        return (AmiConnectionHandle) connectionManager.allocateConnection(managedConnectionFactory,
                request.isDefault() ? null : request);
    }

    /**
     * The container wraps what {@link AmiManagedConnectionFactory#createManagedConnection} threw (and
     * adds its own: pool exhausted, blocking timeout): keep Amira's own exception where there is one,
     * so a refused login stays an {@link AmiAuthenticationException}.
     */
    private AmiException translate(ResourceException e, AmiRequestInfo request) {
        String prefix = "No AMI connection to " + server() + " for user "
                + (request.isDefault() ? "of the connection definition" : "'" + request.username() + "'") + ": ";
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof AmiAuthenticationException login) {
                return new AmiAuthenticationException(prefix + login.getMessage(), e);
            }
            if (cause instanceof AmiException ami) {
                return new AmiConnectException(prefix + ami.getMessage(), e);
            }
        }
        return new AmiConnectException(prefix + describe(e), e);
    }

    /** The container's message with the causes it hides (IronJacamar's own says only "unable to get..."). */
    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable cause = e.getCause(); cause != null && cause != e; cause = cause.getCause()) {
            if (cause.getMessage() != null && !text.toString().contains(cause.getMessage())) {
                text.append(": ").append(cause.getMessage());
            }
        }
        return text.toString();
    }

    /** The connection definition whose pool this factory hands out. */
    AmiManagedConnectionFactory definition() {
        return managedConnectionFactory;
    }

    /** @throws IllegalStateException when the connection definition is misconfigured (the message says how) */
    @Override
    public String server() {
        return managedConnectionFactory.server();
    }

    @Override
    public ConnectionFactory cci() {
        return cci;
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
