package io.amira.inbound;

import io.amira.work.WorkManagerExecutor;
import io.amira.config.AmiServerProperties;
import io.amira.config.AmiServerSettings;
import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.work.WorkManager;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.logging.Logger;

/**
 * One activated message endpoint: its own event connection (one AMI session per activation, so
 * each bean's login event mask and server-side {@code Filter} are its own and Asterisk sends only
 * what that bean wants) and its ordered, bounded delivery. Every thread comes from the
 * WorkManager. {@link #stop()} stops delivery at once and closes the socket.
 */
public final class InboundActivation {

    private static final Logger LOG = Logger.getLogger(InboundActivation.class.getName());
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);

    private final String name;
    private final AmiServerSettings settings;
    private final OrderedDispatcher dispatcher;
    private final EventStream stream;

    private InboundActivation(String name, AmiServerSettings settings, OrderedDispatcher dispatcher, EventStream stream) {
        this.name = name;
        this.settings = settings;
        this.dispatcher = dispatcher;
        this.stream = stream;
    }

    /**
     * Validates the spec, resolves its server settings over the resource adapter's
     * ({@code adapterProperties}), and starts connecting in the background.
     *
     * @param longRunningHint whether the WorkManager understands the long-running hint
     *                        ({@code BootstrapContext.isContextSupported(HintsContext.class)})
     */
    public static InboundActivation start(MessageEndpointFactory endpointFactory, AmiActivationSpec spec,
                                          AmiServerProperties adapterProperties, WorkManager workManager,
                                          boolean longRunningHint) throws ResourceException {
        return start(endpointFactory, spec, adapterProperties, workManager, longRunningHint, ClientEventSessions.INSTANCE);
    }

    static InboundActivation start(MessageEndpointFactory endpointFactory, AmiActivationSpec spec,
                                   AmiServerProperties adapterProperties, WorkManager workManager,
                                   boolean longRunningHint, EventSession.Factory sessions) throws ResourceException {
        InboundConfig config;
        AmiServerSettings settings;
        try {
            config = spec.inboundConfig();
            settings = spec.serverSettings(adapterProperties);
        } catch (IllegalArgumentException e) {
            throw new NotSupportedException(e.getMessage(), e);
        }
        String name = activationName(endpointFactory);
        Executor shortWork = WorkManagerExecutor.shortTasks(workManager);
        Executor longWork = WorkManagerExecutor.longTasks(workManager, longRunningHint);
        OrderedDispatcher dispatcher = new OrderedDispatcher(name, config.ordering(), config.concurrency(),
                config.bufferCapacity(), config.lifecycleEvents(), shortWork, new EndpointTarget(endpointFactory, name));
        EventStream stream = new EventStream(name, settings, config, sessions, longWork, dispatcher);
        LOG.info(() -> "AMIRA-IN-002 activation " + name + ": " + settings + ", " + config.filter()
                + ", ordering " + config.ordering() + ", concurrency " + config.concurrency()
                + ", buffer " + config.bufferCapacity());
        stream.start();
        return new InboundActivation(name, settings, dispatcher, stream);
    }

    /** Stops delivery at once, closes the event connection, waits briefly for deliveries in progress. */
    public void stop() {
        stream.stop();
        dispatcher.stop(STOP_GRACE);
        LOG.info(() -> "AMIRA-IN-003 activation " + name + " stopped: " + dispatcher.received() + " events received, "
                + dispatcher.delivered() + " delivered, " + dispatcher.failed() + " failed in the bean, "
                + dispatcher.dropped() + " dropped");
    }

    public String name() { return name; }
    public AmiServerSettings settings() { return settings; }
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
        return "InboundActivation[" + name + ", " + settings + "]";
    }
}
