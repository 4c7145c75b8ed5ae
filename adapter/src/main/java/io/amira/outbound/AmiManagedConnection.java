package io.amira.outbound;

import io.amira.api.AmiAction;
import io.amira.api.AmiAuthenticationException;
import io.amira.api.AmiEvent;
import io.amira.api.AmiException;
import io.amira.api.AmiResponse;
import io.amira.client.AmiClient;
import io.amira.client.AmiClientListener;
import io.amira.config.AmiServerSettings;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One pooled AMI connection as the container sees it: one socket, one login (one {@link AmiClient}).
 * Handles come and go; the session stays until the container destroys the connection or the socket
 * dies, which fires {@code CONNECTION_ERROR_OCCURRED} so the pool evicts it.
 */
class AmiManagedConnection implements ManagedConnection, AmiClientListener {

    private static final Logger LOG = Logger.getLogger(AmiManagedConnection.class.getName());
    private static final AmiAction PING = AmiAction.of("Ping");
    private static final AmiAction CORE_SETTINGS = AmiAction.of("CoreSettings");

    private final AmiManagedConnectionFactory factory;
    private final AmiRequestInfo credentials;
    private final AmiServerSettings settings;
    private final String username;
    private final List<ConnectionEventListener> listeners = new CopyOnWriteArrayList<>();
    private final Set<AmiConnectionHandle> handles = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean destroyed = new AtomicBoolean();
    private final LongAdder eventsReceived = new LongAdder();
    private volatile AmiClient client;
    private volatile boolean originateEvents;
    private volatile String eisVersion;
    private PrintWriter logWriter;

    private AmiManagedConnection(AmiManagedConnectionFactory factory, AmiRequestInfo credentials,
                                 AmiServerSettings settings) {
        this.factory = factory;
        this.credentials = credentials;
        this.settings = settings;
        this.username = credentials.isDefault() ? settings.username() : credentials.username();
    }

    /** Connects and logs in; the caller gets a live session or an exception naming server and user. */
    static AmiManagedConnection open(AmiManagedConnectionFactory factory, AmiRequestInfo credentials,
                                     AmiServerSettings settings, Executor executor) throws ResourceException {
        AmiManagedConnection connection = new AmiManagedConnection(factory, credentials, settings);
        connection.connect(executor);
        return connection;
    }

    private void connect(Executor readerExecutor) throws ResourceException {
        try {
            client = AmiClient.connect(ClientConfigs.forPool(settings, credentials), this, readerExecutor);
        } catch (AmiAuthenticationException e) {
            throw new SecurityException(e.getMessage(), e);
        } catch (AmiException e) {
            throw new CommException(e.getMessage(), e);
        }
        originateEvents = OriginateEvents.narrowTo(client, username);
        LOG.log(Level.FINE, "AMIRA-OUT-001 pooled AMI session opened to {0} as {1}", new Object[] {settings.server(), username});
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

    AmiServerSettings settings() {
        return settings;
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
            throw new jakarta.resource.spi.IllegalStateException("This pooled AMI connection to " + settings.server()
                    + " was destroyed; the container must not hand it out");
        }
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
        AmiManagedConnection previous = handle.currentManagedConnection();
        if (previous != null) {
            previous.handles.remove(handle);
        }
        handle.attachTo(this);
        handles.add(handle);
    }

    /** Detaches every handle (they throw when used); the AMI session stays logged in for the next borrower. */
    @Override
    public void cleanup() {
        for (AmiConnectionHandle handle : handles) {
            handle.detach();
        }
        handles.clear();
    }

    /** Logs off and closes the socket; idempotent. */
    @Override
    public void destroy() {
        if (!destroyed.compareAndSet(false, true)) {
            return;
        }
        cleanup();
        AmiClient session = client;
        if (session != null) {
            session.close();
        }
        LOG.log(Level.FINE, "AMIRA-OUT-002 pooled AMI session to {0} as {1} closed", new Object[] {settings.server(), username});
    }

    boolean isDestroyed() {
        return destroyed.get();
    }

    /** Not destroyed and its socket not known to be dead; no round trip. */
    boolean isAlive() {
        AmiClient session = client;
        return !destroyed.get() && session != null && session.isConnected();
    }

    /** Alive and answering a Ping within the keepalive timeout. */
    boolean isValid() {
        AmiClient session = client;
        if (destroyed.get() || session == null || !session.isConnected()) {
            return false;
        }
        try {
            session.send(PING, validationTimeout());
            return true;
        } catch (AmiException e) {
            LOG.log(Level.INFO, "AMIRA-OUT-005 pooled AMI session to {0} failed validation: {1}",
                    new Object[] {settings.server(), e.getMessage()});
            return false;
        }
    }

    private Duration validationTimeout() {
        Duration keepAlive = settings.keepAliveTimeout();
        return keepAlive.compareTo(settings.actionTimeout()) < 0 ? keepAlive : settings.actionTimeout();
    }

    @Override
    public void onEvent(AmiEvent event) {
        // Pooled sessions only take OriginateResponse, which the client hands to the waiting Originate
        // itself; counted so tests can tell the filter works.
        eventsReceived.increment();
    }

    long eventsReceived() {
        return eventsReceived.sum();
    }

    @Override
    public void onDisconnect(AmiException cause) {
        if (destroyed.get()) {
            return;
        }
        LOG.log(Level.WARNING, "AMIRA-OUT-004 pooled AMI session to {0} as {1} lost ({2}); the pool evicts it",
                new Object[] {settings.server(), username, cause.getMessage()});
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
            AmiResponse settingsResponse = session.send(CORE_SETTINGS, settings.actionTimeout());
            String version = settingsResponse.get("AsteriskVersion");
            eisVersion = version == null ? "unknown" : version;
        } catch (AmiException e) {
            LOG.log(Level.FINE, "AMIRA-OUT-007 CoreSettings not available to {0}: {1}", new Object[] {username, e.getMessage()});
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
        return "AmiManagedConnection[" + settings.server() + ", user " + username + (destroyed.get() ? ", destroyed" : "") + "]";
    }
}
