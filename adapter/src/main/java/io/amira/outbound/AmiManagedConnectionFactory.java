package io.amira.outbound;

import io.amira.api.AmiAuthenticationException;
import io.amira.api.AmiConnection;
import io.amira.api.AmiConnectionFactory;
import io.amira.client.AmiClientConfig;
import io.amira.config.AdapterContext;
import io.amira.config.InvalidServerPropertiesException;
import io.amira.config.LoginGate;
import io.amira.config.ServerConfigBean;
import io.amira.config.ServerProperties;
import io.amira.config.ServerProperty;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionDefinition;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterAssociation;
import jakarta.resource.spi.SecurityException;
import jakarta.resource.spi.ValidatingManagedConnectionFactory;

import javax.security.auth.Subject;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.PrintWriter;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * Creates the pooled AMI connections: one ManagedConnection per AMI session. Its one connection
 * definition serves both the typed facade and CCI: the factory the container binds (by default at
 * {@code java:/eis/amira}) is an {@link AmiConnectionFactory}, whose {@code cci()} view shares its
 * pool. Properties left unset here fall back to the resource adapter's, then to MicroProfile Config
 * ({@code amira.*}), then to built-in defaults.
 */
@ConnectionDefinition(
        connectionFactory = AmiConnectionFactory.class,
        connectionFactoryImpl = AmiConnectionFactoryImpl.class,
        connection = AmiConnection.class,
        connectionImpl = AmiConnectionHandle.class)
public class AmiManagedConnectionFactory extends ServerConfigBean
        implements ManagedConnectionFactory, ValidatingManagedConnectionFactory, ResourceAdapterAssociation {

    private static final long serialVersionUID = 1L;

    /**
     * Pooled sessions take only the {@code call} class (OriginateResponse belongs to it) and narrow
     * that further with a Filter once logged in.
     */
    static final String POOLED_EVENTS = "call";
    private static final String POOL = "pooled connection";

    private transient ResourceAdapter resourceAdapter;
    private transient PrintWriter logWriter;
    private transient volatile Executor executor;
    /** The credentials the container last signed on with for a request of no credentials of its own. */
    private transient volatile AmiRequestInfo containerSignOn;
    /** The sessions this definition has open, for validation to check them all at once. */
    private transient Set<AmiManagedConnection> open = ConcurrentHashMap.newKeySet();

    @Override
    public Object createConnectionFactory(ConnectionManager connectionManager) {
        return new AmiConnectionFactoryImpl(this, connectionManager);
    }

    @Override
    public Object createConnectionFactory() throws ResourceException {
        throw new ResourceException("Amira connection factories are only available inside an application server");
    }

    /**
     * Connects and logs in now: a ManagedConnection is one live, logged-in AMI session. Credentials
     * Asterisk refused fail at once, without a login, until the adapter's {@link LoginGate} lets
     * them be tried again.
     */
    @Override
    public ManagedConnection createManagedConnection(Subject subject, ConnectionRequestInfo info) throws ResourceException {
        AmiRequestInfo credentials = AmiRequestInfo.from(subject, info, this);
        noteSignOn(info, credentials);
        AmiClientConfig config;
        try {
            config = config(credentials);
        } catch (InvalidServerPropertiesException e) {
            throw new InvalidPropertyException("Amira connection definition misconfigured: " + e.getMessage(), e);
        }
        LoginGate gate = resourceAdapter instanceof AdapterContext adapter ? adapter.loginGate() : null;
        if (gate == null) {
            return AmiManagedConnection.open(this, credentials, config, readerExecutor());
        }
        long waitMillis = gate.enter(config);
        if (waitMillis > 0) {
            AmiAuthenticationException held = gate.closed(config, waitMillis);
            throw new SecurityException(held.getMessage(), held);
        }
        try {
            AmiManagedConnection connection = AmiManagedConnection.open(this, credentials, config, readerExecutor());
            gate.accepted(config, POOL);
            return connection;
        } catch (SecurityException e) {
            if (e.getCause() instanceof AmiAuthenticationException refusal) {
                gate.refused(config, refusal, POOL);
            } else {
                gate.failed(config);
            }
            throw e;
        } catch (ResourceException | RuntimeException e) {
            gate.failed(config);
            throw e;
        }
    }

    /**
     * The connections in {@code connections} that are dead or do not answer a Ping within the
     * validation timeout (the keepalive timeout, or the action timeout when shorter); a session heard
     * from within that time needs no Ping. IronJacamar validates one idle connection per call on its
     * one validator thread, so every call starts the check of every idle session of this definition
     * at once: their Pings run in parallel on the sessions' own reading tasks, and a validation run
     * over many hung sessions waits for one deadline, not one per session. A session whose Ping goes
     * unanswered is dead: it fires the connection error and is destroyed. Sessions in use are left to
     * their actions' timeouts and the keepalive: Asterisk answers a session's actions one after the
     * other, so a Ping queued behind a slow synchronous action (an Originate without Async) would
     * wrongly count as unanswered.
     */
    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Set getInvalidConnections(Set connections) {
        for (AmiManagedConnection session : open) {
            if (!session.isInUse()) {
                session.checkAlive();
            }
        }
        Set invalid = new HashSet();
        for (Object candidate : connections) {
            if (candidate instanceof AmiManagedConnection connection && !connection.isValid()) {
                invalid.add(connection);
            }
        }
        return invalid;
    }

    void opened(AmiManagedConnection connection) {
        open.add(connection);
    }

    void closed(AmiManagedConnection connection) {
        open.remove(connection);
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        open = ConcurrentHashMap.newKeySet();
    }

    /** Runs the sessions' reading tasks: the adapter's WorkManager, or (tests) the executor given. */
    private Executor readerExecutor() throws ResourceException {
        Executor given = executor;
        if (given != null) {
            return given;
        }
        if (!(resourceAdapter instanceof AdapterContext adapter)) {
            throw new ResourceException("This Amira connection definition is not associated with the Amira resource "
                    + "adapter (" + resourceAdapter + "), so there is no WorkManager to read its AMI sessions");
        }
        try {
            return adapter.longTasks();
        } catch (IllegalStateException e) {
            throw new ResourceException(e.getMessage(), e);
        }
    }

    /** Outside a container (tests): where reading tasks run. */
    void setExecutor(Executor executor) {
        this.executor = executor;
    }

    /**
     * The live pooled connection logged in with the credentials this request asks for, else null.
     * A session known to be dead never matches: the container then destroys it and creates a new
     * one, so the pool heals without a Ping per borrow.
     */
    @Override
    @SuppressWarnings("rawtypes")
    public ManagedConnection matchManagedConnections(Set candidates, Subject subject, ConnectionRequestInfo info) {
        AmiRequestInfo wanted = AmiRequestInfo.from(subject, info, this);
        noteSignOn(info, wanted);
        for (Object candidate : candidates) {
            if (candidate instanceof AmiManagedConnection connection && connection.factory().equals(this)
                    && connection.servesRequest(wanted) && connection.isAlive()) {
                return connection;
            }
        }
        return null;
    }

    /** Before any connecting: the container's sign-on is known even when the AMI server is down. */
    private void noteSignOn(ConnectionRequestInfo info, AmiRequestInfo credentials) {
        if (info == null && !credentials.isDefault()) {
            containerSignOn = credentials;
        }
    }

    /** The credentials of the container-managed sign-on seen so far, or null (none yet, or none at all). */
    AmiRequestInfo containerSignOn() {
        return containerSignOn;
    }

    /**
     * Every value decided: the request's credentials, this definition's properties, then the
     * resource adapter's, then MicroProfile Config, then defaults.
     */
    AmiClientConfig config(AmiRequestInfo credentials) {
        ServerProperties own = serverProperties();
        if (!credentials.isDefault()) {
            own = own.copy();
            own.set(ServerProperty.USERNAME, credentials.username());
            own.set(ServerProperty.SECRET, credentials.secret());
        }
        return own.resolve(adapterProperties(), POOLED_EVENTS);
    }

    /**
     * {@code host:port} of the AMI server, as configured.
     *
     * @throws IllegalStateException when the host or port is misconfigured; the message says how
     */
    String server() {
        try {
            return serverProperties().server(adapterProperties());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Amira connection definition misconfigured: " + e.getMessage(), e);
        }
    }

    private ServerProperties adapterProperties() {
        return resourceAdapter instanceof AdapterContext adapter ? adapter.serverProperties() : null;
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
    public ResourceAdapter getResourceAdapter() {
        return resourceAdapter;
    }

    /**
     * The container associates the definition with its adapter once its properties are set: a name
     * that is no property, or an invalid value, fails the adapter's activation here, naming them.
     */
    @Override
    public void setResourceAdapter(ResourceAdapter resourceAdapter) {
        checkConfiguration("The Amira connection definition");
        this.resourceAdapter = resourceAdapter;
    }

    // The container keys pools on the factory's equality: equal configuration, equal factory. Unset
    // properties come from the resource adapter, so two adapter instances (the RAR's own activation
    // and an admin-managed one) make different configurations even with equal properties here.
    @Override
    public boolean equals(Object other) {
        return other instanceof AmiManagedConnectionFactory that && serverProperties().equals(that.serverProperties())
                && resourceAdapter == that.resourceAdapter;
    }

    @Override
    public int hashCode() {
        return serverProperties().hashCode();
    }

    @Override
    public String toString() {
        return "AmiManagedConnectionFactory[" + serverProperties() + "]";
    }
}
