package io.amira.outbound;

import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.LocalTransaction;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionMetaData;

import javax.security.auth.Subject;
import javax.transaction.xa.XAResource;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** One pooled AMI connection as the container sees it. */
class AmiManagedConnection implements ManagedConnection {

    private final AmiManagedConnectionFactory factory;
    private final List<ConnectionEventListener> listeners = new CopyOnWriteArrayList<>();
    private final Set<AmiConnectionHandle> handles = ConcurrentHashMap.newKeySet();
    private PrintWriter logWriter;

    AmiManagedConnection(AmiManagedConnectionFactory factory) {
        this.factory = factory;
    }

    AmiManagedConnectionFactory factory() {
        return factory;
    }

    @Override
    public Object getConnection(Subject subject, ConnectionRequestInfo info) {
        AmiConnectionHandle handle = new AmiConnectionHandle(this);
        handles.add(handle);
        return handle;
    }

    void handleClosed(AmiConnectionHandle handle) {
        if (!handles.remove(handle)) {
            return;
        }
        ConnectionEvent event = new ConnectionEvent(this, ConnectionEvent.CONNECTION_CLOSED);
        event.setConnectionHandle(handle);
        for (ConnectionEventListener listener : listeners) {
            listener.connectionClosed(event);
        }
    }

    @Override
    public void associateConnection(Object connection) throws ResourceException {
        if (!(connection instanceof AmiConnectionHandle handle)) {
            throw new ResourceException("Not an Amira connection handle: " + connection);
        }
        AmiManagedConnection previous = handle.managedConnection();
        previous.handles.remove(handle);
        handle.attachTo(this);
        handles.add(handle);
    }

    @Override
    public void cleanup() {
        for (AmiConnectionHandle handle : handles) {
            handle.detach();
        }
        handles.clear();
    }

    @Override
    public void destroy() {
        cleanup();
    }

    @Override
    public void addConnectionEventListener(ConnectionEventListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeConnectionEventListener(ConnectionEventListener listener) {
        listeners.remove(listener);
    }

    @Override
    public XAResource getXAResource() throws ResourceException {
        throw new NotSupportedException("Amira connections are not transactional");
    }

    @Override
    public LocalTransaction getLocalTransaction() throws ResourceException {
        throw new NotSupportedException("Amira connections are not transactional");
    }

    @Override
    public ManagedConnectionMetaData getMetaData() {
        return new AmiManagedConnectionMetaData();
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }
}
