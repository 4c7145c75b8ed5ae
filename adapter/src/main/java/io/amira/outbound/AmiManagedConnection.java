package io.amira.outbound;

import io.amira.api.AmiAction;
import io.amira.api.AmiAuthenticationException;
import io.amira.api.AmiConnectionLostException;
import io.amira.api.AmiEvent;
import io.amira.api.AmiException;
import io.amira.api.AmiResponse;
import io.amira.client.AmiClient;
import io.amira.client.AmiClientConfig;
import io.amira.client.AmiClientListener;
import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.CommException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.LocalTransaction;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionMetaData;
import jakarta.resource.spi.SecurityException;

import javax.security.auth.Subject;
import javax.transaction.xa.XAResource;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One pooled AMI connection as the container sees it: one socket, one login (one {@link AmiClient}).
 * Handles come and go; the session stays until the container destroys the connection or the socket
 * dies, which fires {@code CONNECTION_ERROR_OCCURRED} so the pool evicts it.
 */
class AmiManagedConnection implements ManagedConnection, AmiClientListener {

    /** How much longer than a check's Ping deadline a validation waits: the client expires it on a 50 ms tick. */
    private static final long CHECK_GRACE_MILLIS = 250;
    private static final AmiAction CORE_SETTINGS = AmiAction.of("CoreSettings");

    private final AmiManagedConnectionFactory factory;
    private final AmiRequestInfo credentials;
    private final AmiClientConfig config;
    private final String username;
    private final List<ConnectionEventListener> listeners = new CopyOnWriteArrayList<>();
    private final Set<AmiConnectionHandle> handles = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean destroyed = new AtomicBoolean();
    private volatile AmiClient client;
    private volatile boolean originateEvents;
    private volatile String eisVersion;
    /** Set when the session died: what handles held meanwhile report. */
    private volatile AmiConnectionLostException lost;
    private PrintWriter logWriter;

    private AmiManagedConnection(AmiManagedConnectionFactory factory, AmiRequestInfo credentials, AmiClientConfig config) {
        this.factory = factory;
        this.credentials = credentials;
        this.config = config;
        this.username = config.username();
    }

    /**
     * Connects and logs in as {@code config} says ({@code credentials}: what the request asked for,
     * already in {@code config}); the caller gets a live session or an exception naming server and user.
     */
    static AmiManagedConnection open(AmiManagedConnectionFactory factory, AmiRequestInfo credentials,
                                     AmiClientConfig config, Executor readerExecutor) throws ResourceException {
        AmiManagedConnection connection = new AmiManagedConnection(factory, credentials, config);
        connection.connect(readerExecutor);
        return connection;
    }

    private void connect(Executor readerExecutor) throws ResourceException {
        try {
            client = AmiClient.connect(config, this, readerExecutor);
        } catch (AmiAuthenticationException e) {
            throw new SecurityException(e.getMessage(), e);
        } catch (AmiException e) {
            throw new CommException(e.getMessage(), e);
        }
        originateEvents = OriginateEvents.narrowTo(client, username);
        factory.opened(this);
        OutboundLog.SESSION_OPENED.log(config.server(), username);
    }

    AmiManagedConnectionFactory factory() {
        return factory;
    }

    /** Whether this connection is logged in with the credentials the request asks for. */
    boolean servesRequest(AmiRequestInfo request) {
        if (request.isDefault()) {
            return credentials.isDefault();
        }
        return Objects.equals(username, request.username()) && Objects.equals(credentials.secret(), request.secret());
    }

    /** The live session; a destroyed connection has none. */
    AmiClient client() {
        return client;
    }

    AmiClientConfig config() {
        return config;
    }

    /** Whether this session receives OriginateResponse events (the Filter was accepted). */
    boolean receivesOriginateEvents() {
        return originateEvents;
    }

    String username() {
        return username;
    }

    @Override
    public Object getConnection(Subject subject, ConnectionRequestInfo info) throws ResourceException {
        if (destroyed.get()) {
            throw new jakarta.resource.spi.IllegalStateException("This pooled AMI connection to " + config.server()
                    + " was destroyed; the container must not hand it out");
        }
        AmiConnectionHandle handle = new AmiConnectionHandle(this);
        handles.add(handle);
        return handle;
    }

    /** Whether an application holds a handle on it (the container has it checked out). */
    boolean isInUse() {
        return !handles.isEmpty();
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
        AmiManagedConnection previous = handle.currentManagedConnection();
        if (previous != null) {
            previous.handles.remove(handle);
        }
        handle.attachTo(this);
        handles.add(handle);
    }

    /**
     * Detaches every handle (they throw when used: the cause, when the session died); the AMI session
     * stays logged in for the next borrower.
     */
    @Override
    public void cleanup() {
        detachHandles(lost);
    }

    private void detachHandles(AmiConnectionLostException cause) {
        for (AmiConnectionHandle handle : handles) {
            handle.detach(cause);
        }
        handles.clear();
    }

    /**
     * Logs off and closes the socket; idempotent. A handle still attached (the container destroys a
     * connection in use: its session died, the pool was flushed or undeployed) fails from now on with
     * {@link AmiConnectionLostException}, never as if the application had closed it.
     */
    @Override
    public void destroy() {
        if (!destroyed.compareAndSet(false, true)) {
            return;
        }
        factory.closed(this);
        AmiConnectionLostException cause = lost;
        detachHandles(cause != null ? cause : new AmiConnectionLostException("The pooled AMI session to "
                + config.server() + " as " + username + " was closed by the container (pool flushed, shut down or "
                + "undeployed); get a new connection from the factory"));
        AmiClient session = client;
        if (session != null) {
            session.close();
        }
        OutboundLog.SESSION_CLOSED.log(config.server(), username);
    }

    /** Not destroyed and its socket not known to be dead; no round trip. */
    boolean isAlive() {
        AmiClient session = client;
        return !destroyed.get() && session != null && session.isConnected();
    }

    /**
     * Starts checking, without waiting, that the server still answers (or joins the check running):
     * heard from within the validation timeout, or answering a Ping within it. A session whose Ping goes
     * unanswered is dead (its handles fail with the cause, the pool is told).
     */
    CompletableFuture<Boolean> checkAlive() {
        AmiClient session = client;
        if (destroyed.get() || session == null) {
            return CompletableFuture.completedFuture(false);
        }
        return session.checkAlive(validationTimeout());
    }

    /** {@link #checkAlive()}, waiting for its outcome: at most the validation timeout, less when already running. */
    boolean isValid() {
        try {
            return checkAlive().get(validationTimeout().toMillis() + CHECK_GRACE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            OutboundLog.CHECK_UNSETTLED.log(config.server(), username, validationTimeout().toMillis() + CHECK_GRACE_MILLIS);
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException("a session check cannot fail", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The Ping deadline of a validation: the keepalive's reply deadline, or the action timeout when shorter. */
    private Duration validationTimeout() {
        Duration keepAlive = config.keepAliveTimeout();
        return keepAlive.compareTo(config.actionTimeout()) < 0 ? keepAlive : config.actionTimeout();
    }

    /** Pooled sessions only take OriginateResponse, which the client hands to the waiting Originate itself. */
    @Override
    public void onEvent(AmiEvent event) {
    }

    @Override
    public void onDisconnect(AmiException cause) {
        if (destroyed.get()) {
            return;
        }
        lost = new AmiConnectionLostException("The pooled AMI session to " + config.server() + " as " + username
                + " is gone (" + cause.getMessage() + "); get a new connection from the factory", cause);
        OutboundLog.SESSION_LOST.log(config.server(), username, cause.getMessage());
        // The container destroys the connection from this call; AmiClient.close() on the reading
        // thread does not wait for the reader, so firing here is safe.
        fireConnectionError(cause);
    }

    private void fireConnectionError(AmiException cause) {
        ConnectionEvent event = new ConnectionEvent(this, ConnectionEvent.CONNECTION_ERROR_OCCURRED,
                new CommException(cause.getMessage(), cause));
        for (ConnectionEventListener listener : listeners) {
            listener.connectionErrorOccurred(event);
        }
    }

    /** The Asterisk version from CoreSettings, asked once; {@code unknown} when the user may not ask. */
    String eisVersion() {
        String known = eisVersion;
        if (known != null) {
            return known;
        }
        AmiClient session = client;
        if (session == null || !session.isConnected()) {
            return "unknown";
        }
        try {
            AmiResponse settingsResponse = session.send(CORE_SETTINGS);
            String version = settingsResponse.get("AsteriskVersion");
            eisVersion = version == null ? "unknown" : version;
        } catch (AmiException e) {
            OutboundLog.CORE_SETTINGS_UNAVAILABLE.log(username, e.getMessage());
            eisVersion = "unknown";
        }
        return eisVersion;
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
        throw new NotSupportedException("Amira connections are not transactional (AMI has no transactions)");
    }

    @Override
    public LocalTransaction getLocalTransaction() throws ResourceException {
        throw new NotSupportedException("Amira connections are not transactional (AMI has no transactions)");
    }

    @Override
    public ManagedConnectionMetaData getMetaData() {
        return new AmiManagedConnectionMetaData(this);
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public String toString() {
        return "AmiManagedConnection[" + config.server() + ", user " + username + (destroyed.get() ? ", destroyed" : "") + "]";
    }
}
