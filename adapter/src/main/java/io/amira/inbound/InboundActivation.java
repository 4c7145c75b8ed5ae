package io.amira.inbound;

import io.amira.client.AmiClientConfig;
import io.amira.config.InvalidServerPropertiesException;
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
 * WorkManager. {@link #stop()} stops delivery at once and closes the socket.
 */
public final class InboundActivation {

    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private final String name;
    private final AmiClientConfig config;
    private final OrderedDispatcher dispatcher;
    private final EventStream stream;

    private InboundActivation(String name, AmiClientConfig config, OrderedDispatcher dispatcher, EventStream stream) {
        this.name = name;
        this.config = config;
        this.dispatcher = dispatcher;
        this.stream = stream;
    }

    /**
     * Validates the spec, resolves its server properties over the resource adapter's
     * ({@code adapterProperties}), and starts connecting in the background.
     *
     * @param longRunningHint whether the WorkManager understands the long-running hint
     *                        ({@code BootstrapContext.isContextSupported(HintsContext.class)})
     */
    public static InboundActivation start(MessageEndpointFactory endpointFactory, AmiActivationSpec spec,
                                          ServerProperties adapterProperties, WorkManager workManager,
                                          boolean longRunningHint) throws ResourceException {
        return start(endpointFactory, spec, adapterProperties, workManager, longRunningHint, ClientEventSessions.INSTANCE);
    }

    static InboundActivation start(MessageEndpointFactory endpointFactory, AmiActivationSpec spec,
                                   ServerProperties adapterProperties, WorkManager workManager,
                                   boolean longRunningHint, EventSession.Factory sessions) throws ResourceException {
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
        String name = activationName(endpointFactory);
        Executor shortWork = WorkManagerExecutor.shortTasks(workManager);
        Executor longWork = WorkManagerExecutor.longTasks(workManager, longRunningHint);
        OrderedDispatcher dispatcher = new OrderedDispatcher(name, inbound.ordering(), inbound.concurrency(),
                inbound.bufferCapacity(), inbound.lifecycleEvents(), shortWork, new EndpointTarget(endpointFactory, name));
        EventStream stream = new EventStream(name, config, inbound, sessions, longWork, dispatcher);
        InboundLog.ACTIVATED.log(name, config, inbound.filter(), inbound.ordering(), inbound.concurrency(),
                inbound.bufferCapacity());
        stream.start();
        return new InboundActivation(name, config, dispatcher, stream);
    }

    /** Stops delivery at once, closes the event connection, waits briefly for deliveries in progress. */
    public void stop() {
        stream.stop();
        dispatcher.stop(STOP_GRACE);
        InboundLog.STOPPED.log(name, dispatcher.received(), dispatcher.delivered(), dispatcher.failed(),
                dispatcher.dropped(), dispatcher.discarded());
    }

    public String name() { return name; }
    public AmiClientConfig config() { return config; }
    public boolean isConnected() { return stream.isConnected(); }
    /** Asterisk events that passed the filter and reached the buffer (delivered, dropped or waiting). */
    public long eventsReceived() { return dispatcher.received(); }
    /** Deliveries the bean completed, lifecycle notifications included. */
    public long eventsDelivered() { return dispatcher.delivered(); }
    /** Deliveries the bean (or the container) failed on. */
    public long deliveriesFailed() { return dispatcher.failed(); }
    /** Events dropped because the buffer was full. */
    public long eventsDropped() { return dispatcher.dropped(); }

    /**
     * The bean's class name: WildFly gives every endpoint of an adapter the same activation name,
     * so that alone does not tell the activations apart in logs and notifications.
     */
    static String activationName(MessageEndpointFactory factory) {
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
