package io.amira;

import io.amira.config.AdapterContext;
import io.amira.config.LoginGate;
import io.amira.config.ServerConfigBean;
import io.amira.inbound.AmiActivationSpec;
import io.amira.inbound.InboundActivation;
import io.amira.work.WorkManagerExecutor;
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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * The Amira resource adapter: outbound AMI connections and inbound AMI events. The server
 * properties set on it (inherited from {@link ServerConfigBean}) are the defaults of every
 * connection definition and activation spec that leaves them unset.
 */
@Connector(
        displayName = "Amira",
        description = "Asterisk Manager Interface (AMI) resource adapter",
        vendorName = "Amira",
        eisType = "Asterisk",
        version = "0.1",
        transactionSupport = TransactionSupport.TransactionSupportLevel.NoTransaction,
        reauthenticationSupport = false)
public class AmiraResourceAdapter extends ServerConfigBean implements ResourceAdapter, AdapterContext {

    private static final long serialVersionUID = 1L;

    private final transient Map<MessageEndpointFactory, InboundActivation> activations = new ConcurrentHashMap<>();
    private final transient Set<Runnable> stopActions = ConcurrentHashMap.newKeySet();
    private final transient LoginGate loginGate = new LoginGate();
    private transient volatile BootstrapContext bootstrapContext;

    @Override
    public void start(BootstrapContext context) throws ResourceAdapterInternalException {
        this.bootstrapContext = context;
        AdapterLog.STARTED.log();
    }

    @Override
    public void stop() {
        for (MessageEndpointFactory factory : activations.keySet()) {
            stopActivation(factory);
        }
        for (Runnable action : stopActions) {
            try {
                action.run();
            } catch (RuntimeException e) {
                AdapterLog.STOP_ACTION_FAILED.log(e, action);
            }
        }
        stopActions.clear();
        AdapterLog.STOPPED.log();
    }

    @Override
    public void endpointActivation(MessageEndpointFactory endpointFactory, ActivationSpec spec)
            throws ResourceException {
        if (!(spec instanceof AmiActivationSpec amiSpec)) {
            throw new NotSupportedException("Amira activates AmiActivationSpec only, not "
                    + (spec == null ? "null" : spec.getClass().getName()));
        }
        BootstrapContext context = started();
        InboundActivation activation = InboundActivation.start(endpointFactory, amiSpec, serverProperties(),
                context.getWorkManager(), context.isContextSupported(HintsContext.class), loginGate);
        InboundActivation previous = activations.put(endpointFactory, activation);
        if (previous != null) {
            previous.stop();
        }
        AdapterLog.ENDPOINT_ACTIVATED.log(activation.name());
    }

    @Override
    public void endpointDeactivation(MessageEndpointFactory endpointFactory, ActivationSpec spec) {
        stopActivation(endpointFactory);
    }

    private void stopActivation(MessageEndpointFactory endpointFactory) {
        InboundActivation activation = activations.remove(endpointFactory);
        if (activation != null) {
            activation.stop();
            AdapterLog.ENDPOINT_DEACTIVATED.log(activation.name());
        }
    }

    /** Socket readers run as long-running WorkManager work. */
    @Override
    public Executor longTasks() {
        BootstrapContext context = started();
        return WorkManagerExecutor.longTasks(context.getWorkManager(), context.isContextSupported(HintsContext.class));
    }

    @Override
    public void onStop(Runnable stop) {
        stopActions.add(stop);
    }

    @Override
    public LoginGate loginGate() {
        return loginGate;
    }

    private BootstrapContext started() {
        BootstrapContext context = bootstrapContext;
        if (context == null) {
            throw new IllegalStateException("The Amira resource adapter is not started: it has no WorkManager yet");
        }
        return context;
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
