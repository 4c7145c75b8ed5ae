package io.amira.outbound;

import io.amira.work.WorkManagerExecutor;
import io.amira.AmiraResourceAdapter;
import io.amira.api.AmiConnection;
import io.amira.api.AmiConnectionFactory;
import io.amira.config.AmiServerProperties;
import io.amira.config.AmiServerSettings;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConfigProperty;
import jakarta.resource.spi.ConnectionDefinition;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterAssociation;
import jakarta.resource.spi.ValidatingManagedConnectionFactory;

import javax.security.auth.Subject;
import java.io.PrintWriter;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * Creates the pooled AMI connections: one ManagedConnection per AMI session. Its one connection
 * definition serves both the typed facade and CCI: the factory the container binds (by default at
 * {@code java:/eis/amira}) implements {@link AmiConnectionFactory}, which is a CCI
 * {@code ConnectionFactory}, so both share one pool. Properties left unset here fall back to the
 * resource adapter's, then to MicroProfile Config ({@code amira.*}), then to built-in defaults.
 */
@ConnectionDefinition(
        connectionFactory = AmiConnectionFactory.class,
        connectionFactoryImpl = AmiConnectionFactoryImpl.class,
        connection = AmiConnection.class,
        connectionImpl = AmiConnectionHandle.class)
public class AmiManagedConnectionFactory
        implements ManagedConnectionFactory, ValidatingManagedConnectionFactory, ResourceAdapterAssociation {

    private static final long serialVersionUID = 1L;

    private final AmiServerProperties properties = new AmiServerProperties();
    private transient ResourceAdapter resourceAdapter;
    private transient PrintWriter logWriter;
    private transient volatile Executor executor;

    @Override
    public Object createConnectionFactory(ConnectionManager connectionManager) {
        return new AmiConnectionFactoryImpl(this, connectionManager);
    }

    @Override
    public Object createConnectionFactory() throws ResourceException {
        throw new ResourceException("Amira connection factories are only available inside an application server");
    }

    /** Connects and logs in now: a ManagedConnection is one live, logged-in AMI session. */
    @Override
    public ManagedConnection createManagedConnection(Subject subject, ConnectionRequestInfo info) throws ResourceException {
        AmiServerSettings settings;
        try {
            settings = settings();
        } catch (IllegalArgumentException e) {
            throw new InvalidPropertyException("Amira connection definition misconfigured: " + e.getMessage(), e);
        }
        AmiRequestInfo credentials = AmiRequestInfo.from(subject, info, this);
        if (credentials.isDefault() && (settings.username() == null || settings.secret() == null)) {
            throw new InvalidPropertyException("No AMI " + (settings.username() == null ? "username" : "secret")
                    + " configured for " + settings.server() + ": set amira.username and amira.secret (environment "
                    + "AMIRA_USERNAME, AMIRA_SECRET) or the connection definition's Username and Secret properties");
        }
        return AmiManagedConnection.open(this, credentials, settings, executor());
    }

    /** The connections in {@code connections} that are dead or do not answer a Ping. */
    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Set getInvalidConnections(Set connections) {
        Set invalid = new HashSet();
        for (Object candidate : connections) {
            if (candidate instanceof AmiManagedConnection connection && !connection.isValid()) {
                invalid.add(connection);
            }
        }
        return invalid;
    }

    /** Runs the sessions' reader loops: the container's WorkManager, or (tests) the executor given. */
    Executor executor() {
        Executor given = executor;
        if (given != null) {
            return given;
        }
        if (resourceAdapter instanceof AmiraResourceAdapter amira && amira.bootstrapContext() != null) {
            return WorkManagerExecutor.longTasks(amira.bootstrapContext().getWorkManager(), true);
        }
        return null;
    }

    /** Outside a container (tests): where reader loops run. */
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
        for (Object candidate : candidates) {
            if (candidate instanceof AmiManagedConnection connection && connection.factory().equals(this)
                    && connection.servesRequest(wanted) && connection.isAlive()) {
                return connection;
            }
        }
        return null;
    }

    /** Every value decided: this definition's properties, then the resource adapter's, then config, then defaults. */
    AmiServerSettings settings() {
        AmiServerProperties fallback = resourceAdapter instanceof AmiraResourceAdapter amira ? amira.serverProperties() : null;
        return properties.resolve(fallback);
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

    @Override
    public void setResourceAdapter(ResourceAdapter resourceAdapter) {
        this.resourceAdapter = resourceAdapter;
    }

    @ConfigProperty(description = "AMI server host name or address (else amira.host, default 127.0.0.1)")
    public void setHost(String host) { properties.setHost(host); }
    public String getHost() { return properties.getHost(); }

    @ConfigProperty(description = "AMI server port (else amira.port, default 5038)")
    public void setPort(Integer port) { properties.setPort(port); }
    public Integer getPort() { return properties.getPort(); }

    @ConfigProperty(description = "AMI user name of pooled connections (else amira.username)")
    public void setUsername(String username) { properties.setUsername(username); }
    public String getUsername() { return properties.getUsername(); }

    @ConfigProperty(description = "AMI secret of pooled connections (else amira.secret)", confidential = true)
    public void setSecret(String secret) { properties.setSecret(secret); }
    public String getSecret() { return properties.getSecret(); }

    @ConfigProperty(description = "Use TLS (else amira.tls, default false)")
    public void setTls(Boolean tls) { properties.setTls(tls); }
    public Boolean getTls() { return properties.getTls(); }

    @ConfigProperty(description = "Trust store file for TLS (else amira.trust-store; default the JVM's)")
    public void setTrustStore(String trustStore) { properties.setTrustStore(trustStore); }
    public String getTrustStore() { return properties.getTrustStore(); }

    @ConfigProperty(description = "Trust store password (else amira.trust-store-password)", confidential = true)
    public void setTrustStorePassword(String password) { properties.setTrustStorePassword(password); }
    public String getTrustStorePassword() { return properties.getTrustStorePassword(); }

    @ConfigProperty(description = "Trust store type, e.g. PKCS12 (else amira.trust-store-type)")
    public void setTrustStoreType(String type) { properties.setTrustStoreType(type); }
    public String getTrustStoreType() { return properties.getTrustStoreType(); }

    @ConfigProperty(description = "Check the server certificate's host name (else amira.verify-hostname, default true)")
    public void setVerifyHostname(Boolean verify) { properties.setVerifyHostname(verify); }
    public Boolean getVerifyHostname() { return properties.getVerifyHostname(); }

    @ConfigProperty(description = "Login method: md5 or plain (else amira.auth-type, default md5)")
    public void setAuthType(String authType) { properties.setAuthType(authType); }
    public String getAuthType() { return properties.getAuthType(); }

    @ConfigProperty(description = "Connect and login timeout in ms (else amira.connect-timeout, default 5000)")
    public void setConnectTimeoutMillis(Long millis) { properties.setConnectTimeoutMillis(millis); }
    public Long getConnectTimeoutMillis() { return properties.getConnectTimeoutMillis(); }

    @ConfigProperty(description = "Default time to wait for an action's response in ms (else amira.action-timeout, default 10000)")
    public void setActionTimeoutMillis(Long millis) { properties.setActionTimeoutMillis(millis); }
    public Long getActionTimeoutMillis() { return properties.getActionTimeoutMillis(); }

    @ConfigProperty(description = "Idle time before a keepalive Ping in ms (else amira.keepalive-interval, default 20000)")
    public void setKeepAliveIntervalMillis(Long millis) { properties.setKeepAliveIntervalMillis(millis); }
    public Long getKeepAliveIntervalMillis() { return properties.getKeepAliveIntervalMillis(); }

    @ConfigProperty(description = "Time a keepalive Ping may take before the connection counts as dead, in ms (else amira.keepalive-timeout, default 5000)")
    public void setKeepAliveTimeoutMillis(Long millis) { properties.setKeepAliveTimeoutMillis(millis); }
    public Long getKeepAliveTimeoutMillis() { return properties.getKeepAliveTimeoutMillis(); }

    // The container keys pools on the factory's equality: equal configuration, equal factory. Unset
    // properties come from the resource adapter, so two adapter instances (the RAR's own activation
    // and an admin-managed one) make different configurations even with equal properties here.
    @Override
    public boolean equals(Object other) {
        return other instanceof AmiManagedConnectionFactory that && properties.equals(that.properties)
                && resourceAdapter == that.resourceAdapter;
    }

    @Override
    public int hashCode() {
        return properties.hashCode();
    }

    @Override
    public String toString() {
        return "AmiManagedConnectionFactory[" + properties + "]";
    }
}
