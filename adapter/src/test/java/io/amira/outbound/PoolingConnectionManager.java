package io.amira.outbound;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;
import jakarta.resource.spi.ValidatingManagedConnectionFactory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A container double: pools ManagedConnections the way an application server does (match, create
 * up to a maximum, wait), returns them on CONNECTION_CLOSED, evicts and destroys them on
 * CONNECTION_ERROR_OCCURRED, and validates with the factory's getInvalidConnections (on borrow
 * when asked, and on demand like a background validation run).
 */
final class PoolingConnectionManager implements ConnectionManager, ConnectionEventListener, AutoCloseable {

    private static final long serialVersionUID = 1L;

    private final transient ManagedConnectionFactory factory;
    private final int maxSize;
    private final boolean validateOnBorrow;
    private final transient Set<ManagedConnection> all = new HashSet<>();
    private final transient Set<ManagedConnection> idle = new HashSet<>();
    private final AtomicInteger created = new AtomicInteger();
    private final AtomicInteger destroyed = new AtomicInteger();
    private final AtomicInteger errorEvents = new AtomicInteger();
    private final AtomicInteger closedEvents = new AtomicInteger();

    PoolingConnectionManager(ManagedConnectionFactory factory, int maxSize, boolean validateOnBorrow) {
        this.factory = factory;
        this.maxSize = maxSize;
        this.validateOnBorrow = validateOnBorrow;
    }

    @Override
    public Object allocateConnection(ManagedConnectionFactory mcf, ConnectionRequestInfo info) throws ResourceException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            ManagedConnection connection;
            synchronized (this) {
                connection = idle.isEmpty() ? null : mcf.matchManagedConnections(new HashSet<>(idle), null, info);
                if (connection != null) {
                    idle.remove(connection);
                } else if (all.size() >= maxSize && !idle.isEmpty()) {
                    // Full of connections for other credentials: make room, as servers do.
                    ManagedConnection victim = idle.iterator().next();
                    idle.remove(victim);
                    all.remove(victim);
                    destroyQuietly(victim);
                    continue;
                } else if (all.size() >= maxSize) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        throw new ResourceException("pool exhausted: " + maxSize + " connections in use");
                    }
                    try {
                        TimeUnit.NANOSECONDS.timedWait(this, left);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new ResourceException("interrupted waiting for a pooled connection", e);
                    }
                    continue;
                } else {
                    all.add(new Placeholder()); // a slot reserved while the connection is created outside the lock
                }
            }
            if (connection == null) {
                connection = create(mcf, info);
            } else if (validateOnBorrow && !isValid(connection)) {
                evict(connection);
                continue;
            }
            return connection.getConnection(null, info);
        }
    }

    private ManagedConnection create(ManagedConnectionFactory mcf, ConnectionRequestInfo info) throws ResourceException {
        ManagedConnection connection;
        try {
            connection = mcf.createManagedConnection(null, info);
        } catch (ResourceException | RuntimeException e) {
            releasePlaceholder(null);
            throw e;
        }
        connection.addConnectionEventListener(this);
        created.incrementAndGet();
        releasePlaceholder(connection);
        return connection;
    }

    private synchronized void releasePlaceholder(ManagedConnection replacement) {
        all.stream().filter(c -> c instanceof Placeholder).findFirst().ifPresent(all::remove);
        if (replacement != null) {
            all.add(replacement);
        }
        notifyAll();
    }

    private boolean isValid(ManagedConnection connection) throws ResourceException {
        return ((ValidatingManagedConnectionFactory) factory).getInvalidConnections(Set.of(connection)).isEmpty();
    }

    /** What a background validation run does: checks every idle connection and destroys the invalid ones. */
    int validateIdle() throws ResourceException {
        Set<ManagedConnection> toCheck;
        synchronized (this) {
            toCheck = new HashSet<>(idle);
            idle.removeAll(toCheck);
        }
        @SuppressWarnings("unchecked")
        Set<ManagedConnection> invalid = ((ValidatingManagedConnectionFactory) factory).getInvalidConnections(toCheck);
        for (ManagedConnection connection : invalid) {
            evict(connection);
        }
        synchronized (this) {
            for (ManagedConnection connection : toCheck) {
                if (!invalid.contains(connection)) {
                    idle.add(connection);
                }
            }
            notifyAll();
        }
        return invalid.size();
    }

    private void evict(ManagedConnection connection) {
        synchronized (this) {
            all.remove(connection);
            idle.remove(connection);
            notifyAll();
        }
        destroyQuietly(connection);
    }

    private void destroyQuietly(ManagedConnection connection) {
        try {
            connection.destroy();
            destroyed.incrementAndGet();
        } catch (ResourceException e) {
            throw new IllegalStateException("destroy must not fail", e);
        }
    }

    @Override
    public void connectionClosed(ConnectionEvent event) {
        closedEvents.incrementAndGet();
        ManagedConnection connection = (ManagedConnection) event.getSource();
        try {
            connection.cleanup();
        } catch (ResourceException e) {
            throw new IllegalStateException("cleanup must not fail", e);
        }
        synchronized (this) {
            if (all.contains(connection)) {
                idle.add(connection);
            }
            notifyAll();
        }
    }

    @Override
    public void connectionErrorOccurred(ConnectionEvent event) {
        errorEvents.incrementAndGet();
        evict((ManagedConnection) event.getSource());
    }

    @Override
    public void localTransactionStarted(ConnectionEvent event) {
    }

    @Override
    public void localTransactionCommitted(ConnectionEvent event) {
    }

    @Override
    public void localTransactionRolledback(ConnectionEvent event) {
    }

    synchronized int size() {
        return all.size();
    }

    synchronized int idleCount() {
        return idle.size();
    }

    synchronized List<ManagedConnection> connections() {
        return new ArrayList<>(all);
    }

    int created() {
        return created.get();
    }

    int destroyed() {
        return destroyed.get();
    }

    int errorEvents() {
        return errorEvents.get();
    }

    int closedEvents() {
        return closedEvents.get();
    }

    /** Undeploy: destroys every connection. */
    @Override
    public void close() {
        List<ManagedConnection> toDestroy;
        synchronized (this) {
            toDestroy = new ArrayList<>(all);
            all.clear();
            idle.clear();
        }
        toDestroy.stream().filter(c -> !(c instanceof Placeholder)).forEach(this::destroyQuietly);
    }

    /** Reserves a pool slot during creation; never handed out. */
    private static final class Placeholder implements ManagedConnection {
        @Override public Object getConnection(javax.security.auth.Subject s, ConnectionRequestInfo i) { throw new UnsupportedOperationException(); }
        @Override public void destroy() { }
        @Override public void cleanup() { }
        @Override public void associateConnection(Object c) { throw new UnsupportedOperationException(); }
        @Override public void addConnectionEventListener(ConnectionEventListener l) { }
        @Override public void removeConnectionEventListener(ConnectionEventListener l) { }
        @Override public javax.transaction.xa.XAResource getXAResource() { throw new UnsupportedOperationException(); }
        @Override public jakarta.resource.spi.LocalTransaction getLocalTransaction() { throw new UnsupportedOperationException(); }
        @Override public jakarta.resource.spi.ManagedConnectionMetaData getMetaData() { throw new UnsupportedOperationException(); }
        @Override public void setLogWriter(java.io.PrintWriter out) { }
        @Override public java.io.PrintWriter getLogWriter() { return null; }
    }
}
