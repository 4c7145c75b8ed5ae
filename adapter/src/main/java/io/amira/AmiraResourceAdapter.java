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
import jakarta.resource.spi.ConfigProperty;
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
 * connection definition and activation spec that leaves them unset. With
 * {@code ActivationCredentialsFrom} the MDB activations log in as a connection definition's
 * container-managed sign-on does ({@link SignOnActivation}).
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
    private final transient Map<MessageEndpointFactory, SignOnActivation> signOnActivations = new ConcurrentHashMap<>();
    private final transient Set<Runnable> stopActions = ConcurrentHashMap.newKeySet();
    private final transient LoginGate loginGate = new LoginGate();
    private transient volatile BootstrapContext bootstrapContext;
    private String activationCredentialsFrom;

    @ConfigProperty(description = "JNDI name of a connection definition of this adapter, e.g. java:/eis/amira:"
            + " the MDB activations log in with its user and secret, also when the container signs it on (on"
            + " WildFly an Elytron authentication context with the secret in a credential store). An activation"
            + " spec's own Username and Secret still win. Unset: Username and Secret of the activation spec, this"
            + " adapter, then MicroProfile Config")
    public void setActivationCredentialsFrom(String jndiName) {
        this.activationCredentialsFrom = jndiName == null || jndiName.isBlank() ? null : jndiName.trim();
    }

    public String getActivationCredentialsFrom() {
        return activationCredentialsFrom;
    }

    /**
     * Fails, naming what and the valid property names, when a property set on the adapter is no
     * property of it or has an invalid value: the administrator's typo fails the adapter's activation.
     */
    @Override
    public void start(BootstrapContext context) throws ResourceAdapterInternalException {
        try {
            checkConfiguration("The Amira resource adapter");
        } catch (IllegalStateException e) {
            throw new ResourceAdapterInternalException(e.getMessage());
        }
        this.bootstrapContext = context;
        AdapterLog.STARTED.log(AdapterArchive.of(getClass()), describeConfiguration());
    }

    private String describeConfiguration() {
        String set = serverProperties().describe();
        String signOn = activationCredentialsFrom == null ? ""
                : "; MDB activations log in as " + activationCredentialsFrom + " does";
        return (set.isEmpty() ? "no server property set on it" : set + " set on it")
                + " (the rest from MicroProfile Config amira.*, else defaults)" + signOn;
    }

    @Override
    public void stop() {
        for (MessageEndpointFactory factory : activations.keySet()) {
            stopActivation(factory);
        }
        for (MessageEndpointFactory factory : signOnActivations.keySet()) {
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
        AdapterLog.STOPPED.log(AdapterArchive.of(getClass()));
    }

    @Override
    public void endpointActivation(MessageEndpointFactory endpointFactory, ActivationSpec spec)
            throws ResourceException {
        if (!(spec instanceof AmiActivationSpec amiSpec)) {
            throw new NotSupportedException("Amira activates AmiActivationSpec only, not "
                    + (spec == null ? "null" : spec.getClass().getName()));
        }
        BootstrapContext context = started();
        boolean hints = context.isContextSupported(HintsContext.class);
        if (activationCredentialsFrom != null) {
            SignOnActivation signOn = SignOnActivation.begin(InboundActivation.activationName(endpointFactory),
                    activationCredentialsFrom, serverProperties(),
                    properties -> InboundActivation.start(endpointFactory, amiSpec, properties, context.getWorkManager(), hints,
                            loginGate),
                    WorkManagerExecutor.longTasks(context.getWorkManager(), hints));
            stopActivation(endpointFactory);
            signOnActivations.put(endpointFactory, signOn);
            AdapterLog.ENDPOINT_ACTIVATED.log(signOn.name());
            return;
        }
        InboundActivation activation = InboundActivation.start(endpointFactory, amiSpec, serverProperties(),
                context.getWorkManager(), hints, loginGate);
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
        SignOnActivation signOn = signOnActivations.remove(endpointFactory);
        if (signOn != null) {
            signOn.stop();
            AdapterLog.ENDPOINT_DEACTIVATED.log(signOn.name());
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
