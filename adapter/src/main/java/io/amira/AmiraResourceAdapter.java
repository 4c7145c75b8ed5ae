package io.amira;

import io.amira.config.AmiServerProperties;
import io.amira.inbound.AmiActivationSpec;
import io.amira.inbound.InboundActivation;
import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.ConfigProperty;
import jakarta.resource.spi.Connector;
import jakarta.resource.spi.ResourceAdapter;
import jakarta.resource.spi.ResourceAdapterInternalException;
import jakarta.resource.spi.TransactionSupport;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.work.HintsContext;

import javax.transaction.xa.XAResource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/** The Amira resource adapter: outbound AMI connections and inbound AMI events. */
@Connector(
        displayName = "Amira",
        description = "Asterisk Manager Interface (AMI) resource adapter",
        vendorName = "Amira",
        eisType = "Asterisk",
        version = "0.1",
        transactionSupport = TransactionSupport.TransactionSupportLevel.NoTransaction,
        reauthenticationSupport = false)
public class AmiraResourceAdapter implements ResourceAdapter {

    private static final Logger LOG = Logger.getLogger(AmiraResourceAdapter.class.getName());

    private final Map<MessageEndpointFactory, InboundActivation> activations = new ConcurrentHashMap<>();
    private final AmiServerProperties serverProperties = new AmiServerProperties();
    private transient BootstrapContext bootstrapContext;

    @Override
    public void start(BootstrapContext context) throws ResourceAdapterInternalException {
        this.bootstrapContext = context;
        LOG.info("AMIRA-001 Amira resource adapter started");
    }

    @Override
    public void stop() {
        for (MessageEndpointFactory factory : activations.keySet()) {
            stopActivation(factory);
        }
        LOG.info("AMIRA-002 Amira resource adapter stopped");
    }

    @Override
    public void endpointActivation(MessageEndpointFactory endpointFactory, ActivationSpec spec)
            throws ResourceException {
        if (!(spec instanceof AmiActivationSpec amiSpec)) {
            throw new NotSupportedException("Amira activates AmiActivationSpec only, not "
                    + (spec == null ? "null" : spec.getClass().getName()));
        }
        if (bootstrapContext == null) {
            throw new IllegalStateException("Amira resource adapter not started: cannot activate "
                    + endpointFactory.getActivationName());
        }
        InboundActivation activation = InboundActivation.start(endpointFactory, amiSpec, serverProperties,
                bootstrapContext.getWorkManager(), bootstrapContext.isContextSupported(HintsContext.class));
        InboundActivation previous = activations.put(endpointFactory, activation);
        if (previous != null) {
            previous.stop();
        }
        LOG.info(() -> "AMIRA-003 endpoint activated: " + activation.name());
    }

    @Override
    public void endpointDeactivation(MessageEndpointFactory endpointFactory, ActivationSpec spec) {
        stopActivation(endpointFactory);
    }

    private void stopActivation(MessageEndpointFactory endpointFactory) {
        InboundActivation activation = activations.remove(endpointFactory);
        if (activation != null) {
            activation.stop();
            LOG.info(() -> "AMIRA-004 endpoint deactivated: " + activation.name());
        }
    }

    /** The number of message endpoints currently activated on this adapter. */
    public int activeEndpointCount() {
        return activations.size();
    }

    /** The container's bootstrap context (its WorkManager runs the adapter's threads); null before start. */
    public BootstrapContext bootstrapContext() {
        return bootstrapContext;
    }

    /** The server properties set on the adapter: the fallback for connection definitions and activation specs. */
    public AmiServerProperties serverProperties() {
        return serverProperties;
    }

    // --- server properties: the defaults for every connection definition and activation spec that
    // --- leaves them unset; unset here too, MicroProfile Config (amira.*) and then built-in defaults.

    public String getHost() { return serverProperties.getHost(); }
    @ConfigProperty(description = "Asterisk host for every connection and activation that sets none; default amira.host, else 127.0.0.1")
    public void setHost(String host) { serverProperties.setHost(host); }

    public Integer getPort() { return serverProperties.getPort(); }
    @ConfigProperty(description = "AMI port; default amira.port, else 5038")
    public void setPort(Integer port) { serverProperties.setPort(port); }

    public String getUsername() { return serverProperties.getUsername(); }
    @ConfigProperty(description = "AMI user; default amira.username")
    public void setUsername(String username) { serverProperties.setUsername(username); }

    public String getSecret() { return serverProperties.getSecret(); }
    @ConfigProperty(confidential = true, description = "AMI secret; default amira.secret")
    public void setSecret(String secret) { serverProperties.setSecret(secret); }

    public Boolean getTls() { return serverProperties.getTls(); }
    @ConfigProperty(description = "Use TLS; default amira.tls, else false")
    public void setTls(Boolean tls) { serverProperties.setTls(tls); }

    public String getTrustStore() { return serverProperties.getTrustStore(); }
    @ConfigProperty(description = "Trust store path for TLS; default amira.trust-store, else the JVM's")
    public void setTrustStore(String trustStore) { serverProperties.setTrustStore(trustStore); }

    public String getTrustStorePassword() { return serverProperties.getTrustStorePassword(); }
    @ConfigProperty(confidential = true, description = "Trust store password; default amira.trust-store-password")
    public void setTrustStorePassword(String password) { serverProperties.setTrustStorePassword(password); }

    public String getTrustStoreType() { return serverProperties.getTrustStoreType(); }
    @ConfigProperty(description = "Trust store type, e.g. PKCS12; default amira.trust-store-type")
    public void setTrustStoreType(String type) { serverProperties.setTrustStoreType(type); }

    public Boolean getVerifyHostname() { return serverProperties.getVerifyHostname(); }
    @ConfigProperty(description = "Verify the TLS host name; default amira.verify-hostname, else true")
    public void setVerifyHostname(Boolean verify) { serverProperties.setVerifyHostname(verify); }

    public String getAuthType() { return serverProperties.getAuthType(); }
    @ConfigProperty(description = "plain or md5; default amira.auth-type, else md5")
    public void setAuthType(String authType) { serverProperties.setAuthType(authType); }

    public Long getConnectTimeoutMillis() { return serverProperties.getConnectTimeoutMillis(); }
    @ConfigProperty(description = "Connect and login timeout in ms; default amira.connect-timeout, else 5000")
    public void setConnectTimeoutMillis(Long millis) { serverProperties.setConnectTimeoutMillis(millis); }

    public Long getActionTimeoutMillis() { return serverProperties.getActionTimeoutMillis(); }
    @ConfigProperty(description = "Action reply timeout in ms; default amira.action-timeout, else 10000")
    public void setActionTimeoutMillis(Long millis) { serverProperties.setActionTimeoutMillis(millis); }

    public Long getKeepAliveIntervalMillis() { return serverProperties.getKeepAliveIntervalMillis(); }
    @ConfigProperty(description = "Ping interval in ms that detects a hung server; default amira.keepalive-interval, else 20000")
    public void setKeepAliveIntervalMillis(Long millis) { serverProperties.setKeepAliveIntervalMillis(millis); }

    public Long getKeepAliveTimeoutMillis() { return serverProperties.getKeepAliveTimeoutMillis(); }
    @ConfigProperty(description = "Ping reply deadline in ms; default amira.keepalive-timeout, else 5000")
    public void setKeepAliveTimeoutMillis(Long millis) { serverProperties.setKeepAliveTimeoutMillis(millis); }

    @Override
    public XAResource[] getXAResources(ActivationSpec[] specs) {
        return new XAResource[0];
    }

    // A resource adapter bean is compared by identity: the container creates one per deployment.
    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
