package io.amira;

import io.amira.config.AmiServerProperties;
import io.amira.inbound.AmiActivationSpec;
import io.amira.inbound.InboundActivation;
import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.BootstrapContext;
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
