package io.amira.inbound;

import io.amira.client.AmiClientConfig;
import io.amira.config.InvalidServerPropertiesException;
import io.amira.config.LoginGate;
import io.amira.config.ServerProperties;
import io.amira.work.WorkManagerExecutor;
import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.work.WorkManager;

import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * One activated message endpoint: its own event connection (one AMI session per activation, so
 * each bean's login event mask and server-side {@code Filter} are its own and Asterisk sends only
 * what that bean wants) and its ordered, bounded delivery. Every thread comes from the
 * WorkManager. Its counters and state are an {@link InboundActivationMXBean} while it lives.
 * {@link #stop()} stops delivery at once and closes the socket.
 */
public final class InboundActivation {

    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private final String name;
    private final AmiClientConfig config;
    private final OrderedDispatcher dispatcher;
    private final EventStream stream;
    private final ActivationMBean mbean;

    private InboundActivation(String name, AmiClientConfig config, OrderedDispatcher dispatcher, EventStream stream) {
        this.name = name;
        this.config = config;
        this.dispatcher = dispatcher;
        this.stream = stream;
        this.mbean = new ActivationMBean(name, config, stream, dispatcher);
    }

    /**
     * Validates the spec, resolves its server properties over the resource adapter's
     * ({@code adapterProperties}), and starts connecting in the background.
     *
     * @param longRunningHint whether the WorkManager understands the long-running hint
     *                        ({@code BootstrapContext.isContextSupported(HintsContext.class)})
     * @param loginGate the resource adapter's: keeps refused credentials away from Asterisk
     */
    public static InboundActivation start(MessageEndpointFactory endpointFactory, AmiActivationSpec spec,
                                          ServerProperties adapterProperties, WorkManager workManager,
                                          boolean longRunningHint, LoginGate loginGate) throws ResourceException {
        return start(endpointFactory, spec, adapterProperties, workManager, longRunningHint, loginGate,
                ClientEventSessions.INSTANCE);
    }

    static InboundActivation start(MessageEndpointFactory endpointFactory, AmiActivationSpec spec,
                                   ServerProperties adapterProperties, WorkManager workManager,
                                   boolean longRunningHint, LoginGate loginGate, EventSession.Factory sessions)
            throws ResourceException {
        InboundConfig inbound;
        AmiClientConfig config;
        try {
            inbound = spec.inboundConfig();
        } catch (IllegalArgumentException e) {
            throw new NotSupportedException(e.getMessage(), e);
        }
        try {
            config = spec.clientConfig(inbound, adapterProperties);
        } catch (InvalidServerPropertiesException e) {
            throw new InvalidPropertyException(e.getMessage(), e);
        }
        String name = activationName(endpointFactory, spec.getConfigPrefix());
        Executor shortWork = WorkManagerExecutor.shortTasks(workManager);
        Executor longWork = WorkManagerExecutor.longTasks(workManager, longRunningHint);
        OrderedDispatcher dispatcher = new OrderedDispatcher(name, inbound.ordering(), inbound.concurrency(),
                inbound.bufferCapacityBytes(), inbound.lifecycleEvents(), shortWork, new EndpointTarget(endpointFactory, name));
        EventStream stream = new EventStream(name, config, inbound, sessions, longWork, dispatcher, loginGate);
        InboundLog.ACTIVATED.log(name, config, inbound.filter(), inbound.ordering(), inbound.concurrency(),
                inbound.bufferCapacityBytes());
        InboundActivation activation = new InboundActivation(name, config, dispatcher, stream);
        activation.mbean.register();
        stream.start();
        return activation;
    }

    /** Stops delivery at once, closes the event connection, waits briefly for deliveries in progress. */
    public void stop() {
        stream.stop();
        dispatcher.stop(STOP_GRACE);
        mbean.unregister();
        InboundLog.STOPPED.log(name, stream.eventsRead(), dispatcher.delivered(), dispatcher.failed(),
                dispatcher.dropped(), dispatcher.discarded(), stream.eventsFiltered(), dispatcher.peakWaiting(),
                dispatcher.peakWaitingBytes());
    }

    public String name() { return name; }
    public AmiClientConfig config() { return config; }
    public boolean isConnected() { return stream.isConnected(); }
    /** The statistics and state operators see through JMX. */
    public InboundActivationMXBean statistics() { return mbean; }

    /**
     * The bean's class name: WildFly gives every endpoint of an adapter the same activation name,
     * so that alone does not tell the activations apart in logs and notifications. One class
     * declared once per PBX has an activation per configuration prefix, named with it:
     * {@code com.example.CallListener[amira.pbx2]}.
     */
    static String activationName(MessageEndpointFactory factory, String configPrefix) {
        return activationName(factory) + (configPrefix == null ? "" : "[" + configPrefix + "]");
    }

    public static String activationName(MessageEndpointFactory factory) {
        Class<?> endpointClass = factory.getEndpointClass();
        if (endpointClass != null) {
            return endpointClass.getName();
        }
        String name = factory.getActivationName();
        return name == null || name.isBlank() ? "amira-activation@" + Integer.toHexString(System.identityHashCode(factory)) : name;
    }

    @Override
    public String toString() {
        return "InboundActivation[" + name + ", " + config.server() + "]";
    }
}
