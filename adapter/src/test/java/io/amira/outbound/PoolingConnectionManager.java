package io.amira.outbound;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;
import jakarta.resource.spi.ValidatingManagedConnectionFactory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A container double that pools the way WildFly's IronJacamar does
 * ({@code SemaphoreConcurrentLinkedDequeManagedConnectionPool} with {@code use-fast-fail}):
 * <ul>
 * <li>sub-pools: one per ConnectionRequestInfo when the pool declares application security
 *     ({@link PoolStrategy#POOL_BY_CRI}), else one for all requests ({@link PoolStrategy#ONE_POOL});</li>
 * <li>max-pool-size permits shared by all sub-pools, held while a connection is checked out;</li>
 * <li>a borrow offers one idle connection of its sub-pool, alone, to matchManagedConnections; on a
 *     mismatch it destroys that connection (IronJacamar logs IJ000612) and creates a new one;</li>
 * <li>CONNECTION_CLOSED cleans up and returns the connection, CONNECTION_ERROR_OCCURRED destroys it
 *     (also one not checked out);</li>
 * <li>background validation offers idle connections to getInvalidConnections one at a time, on one
 *     thread, and destroys the invalid ones.</li>
 * </ul>
 */
final class PoolingConnectionManager implements ConnectionManager, ConnectionEventListener, AutoCloseable {

    private static final long serialVersionUID = 1L;
    private static final long BLOCKING_TIMEOUT_SECONDS = 10;

    /** IronJacamar's names: what separates sub-pools. */
    enum PoolStrategy {
        /** No security declared: one pool, whatever the request's credentials. */
        ONE_POOL,
        /** {@code <security><application/></security>}: one sub-pool per ConnectionRequestInfo. */
        POOL_BY_CRI
    }

    private final transient ManagedConnectionFactory factory;
    private final PoolStrategy strategy;
    private final boolean validateOnMatch;
    private final transient Semaphore permits;
    /** Idle connections by sub-pool key; guarded by this. */
    private final transient Map<Object, Deque<ManagedConnection>> idle = new HashMap<>();
    /** Every pooled connection (idle or checked out) with its sub-pool key; guarded by this. */
    private final transient Map<ManagedConnection, Object> pooled = new HashMap<>();
    private final transient Set<ManagedConnection> checkedOut = new HashSet<>();
    private final AtomicInteger created = new AtomicInteger();
    private final AtomicInteger destroyed = new AtomicInteger();
    private final AtomicInteger mismatches = new AtomicInteger();
    private final AtomicInteger errorEvents = new AtomicInteger();
    private final AtomicInteger closedEvents = new AtomicInteger();

    PoolingConnectionManager(ManagedConnectionFactory factory, int maxSize, PoolStrategy strategy, boolean validateOnMatch) {
        this.factory = factory;
        this.strategy = strategy;
        this.validateOnMatch = validateOnMatch;
        this.permits = new Semaphore(maxSize, true);
    }

    /** Pooling as the RAR's own ironjacamar.xml declares it (its security element decides the sub-pools). */
    static PoolingConnectionManager asDeployed(ManagedConnectionFactory factory, int maxSize) {
        return new PoolingConnectionManager(factory, maxSize, RarDescriptor.poolStrategy(), false);
    }

    @Override
    public Object allocateConnection(ManagedConnectionFactory mcf, ConnectionRequestInfo info) throws ResourceException {
        try {
            if (!permits.tryAcquire(BLOCKING_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new ResourceException("IJ000655: No managed connections available within configured blocking timeout");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ResourceException("interrupted waiting for a pooled connection", e);
        }
        try {
            Object key = subPoolKey(info);
            ManagedConnection candidate = takeIdle(key);
            if (candidate != null) {
                ManagedConnection matched = mcf.matchManagedConnections(new HashSet<>(Set.of(candidate)), null, info);
                if (matched != null && (!validateOnMatch || isValid(matched))) {
                    return matched.getConnection(null, info);
                }
                if (matched == null) {
                    mismatches.incrementAndGet();
                }
                forget(candidate);
                destroyQuietly(candidate);
                // use-fast-fail: no second candidate, a new connection at once
            }
            ManagedConnection connection = mcf.createManagedConnection(null, info);
            connection.addConnectionEventListener(this);
            created.incrementAndGet();
            synchronized (this) {
                pooled.put(connection, key);
                checkedOut.add(connection);
            }
            return connection.getConnection(null, info);
        } catch (ResourceException | RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    private Object subPoolKey(ConnectionRequestInfo info) {
        return strategy == PoolStrategy.POOL_BY_CRI && info != null ? info : PoolStrategy.ONE_POOL;
    }

    private synchronized ManagedConnection takeIdle(Object key) {
        Deque<ManagedConnection> connections = idle.get(key);
        ManagedConnection connection = connections == null ? null : connections.pollFirst();
        if (connection != null) {
            checkedOut.add(connection);
        }
        return connection;
    }

    private boolean isValid(ManagedConnection connection) throws ResourceException {
        return ((ValidatingManagedConnectionFactory) factory).getInvalidConnections(Set.of(connection)).isEmpty();
    }

    /**
     * What a background validation run does: offers each idle connection to getInvalidConnections
     * alone, on this one thread, and destroys the invalid ones. Returns how many it destroyed.
     */
    int validateIdle() throws ResourceException {
        List<ManagedConnection> toCheck = new ArrayList<>();
        synchronized (this) {
            idle.values().forEach(toCheck::addAll);
            idle.clear();
        }
        int invalid = 0;
        for (ManagedConnection connection : toCheck) {
            if (isValid(connection)) {
                synchronized (this) {
                    Object key = pooled.get(connection);
                    if (key != null) {
                        idle.computeIfAbsent(key, k -> new ArrayDeque<>()).addLast(connection);
                    }
                }
            } else {
                invalid++;
                if (forget(connection)) {
                    destroyQuietly(connection);
                }
            }
        }
        return invalid;
    }

    /** Takes the connection out of the pool (releasing its permit when checked out); false when it was not in it. */
    private boolean forget(ManagedConnection connection) {
        boolean wasCheckedOut;
        synchronized (this) {
            Object key = pooled.remove(connection);
            if (key == null) {
                return false;
            }
            Deque<ManagedConnection> connections = idle.get(key);
            if (connections != null) {
                connections.remove(connection);
            }
            wasCheckedOut = checkedOut.remove(connection);
        }
        if (wasCheckedOut) {
            permits.release();
        }
        return true;
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
        boolean returned;
        synchronized (this) {
            returned = checkedOut.remove(connection);
            Object key = pooled.get(connection);
            if (returned && key != null) {
                idle.computeIfAbsent(key, k -> new ArrayDeque<>()).addLast(connection);
            }
        }
        if (returned) {
            permits.release();
        }
    }

    @Override
    public void connectionErrorOccurred(ConnectionEvent event) {
        errorEvents.incrementAndGet();
        ManagedConnection connection = (ManagedConnection) event.getSource();
        if (forget(connection)) {
            destroyQuietly(connection);
        }
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

    /** Connections in the pool, idle or checked out, of every sub-pool. */
    synchronized int size() {
        return pooled.size();
    }

    /** The pooled connections, idle or checked out. */
    synchronized List<ManagedConnection> connections() {
        return new ArrayList<>(pooled.keySet());
    }

    synchronized int idleCount() {
        return idle.values().stream().mapToInt(Deque::size).sum();
    }

    /** How many sub-pools hold connections. */
    synchronized int subPools() {
        return (int) pooled.values().stream().distinct().count();
    }

    int created() {
        return created.get();
    }

    int destroyed() {
        return destroyed.get();
    }

    /** Idle connections matchManagedConnections refused, which IronJacamar destroys with IJ000612. */
    int mismatches() {
        return mismatches.get();
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
            toDestroy = new ArrayList<>(pooled.keySet());
        }
        toDestroy.stream().filter(this::forget).forEach(this::destroyQuietly);
    }

    @Override
    public String toString() {
        return "PoolingConnectionManager[" + strategy + ", " + Objects.toString(factory) + "]";
    }
}
