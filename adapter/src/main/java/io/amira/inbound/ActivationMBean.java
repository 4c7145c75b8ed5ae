package io.amira.inbound;

import io.amira.client.AmiClientConfig;

import javax.management.InstanceAlreadyExistsException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.time.Instant;

/**
 * One activation's {@link InboundActivationMXBean}: reads the event stream and the dispatcher, and
 * registers itself with the platform MBeanServer under a stable name.
 */
final class ActivationMBean implements InboundActivationMXBean {

    static final String DOMAIN = "io.amira";
    static final String TYPE = "InboundActivation";

    private final String name;
    private final AmiClientConfig config;
    private final EventStream stream;
    private final OrderedDispatcher dispatcher;
    private ObjectName registeredAs;

    ActivationMBean(String name, AmiClientConfig config, EventStream stream, OrderedDispatcher dispatcher) {
        this.name = name;
        this.config = config;
        this.stream = stream;
        this.dispatcher = dispatcher;
    }

    /**
     * Registers as {@code io.amira:type=InboundActivation,name=<name>}; a second live activation of
     * the same bean class gets {@code <name>#2}, and so on. A failure is logged, not thrown: the
     * activation works without it.
     */
    void register() {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        try {
            for (int instance = 1; registeredAs == null; instance++) {
                ObjectName candidate = objectName(instance == 1 ? name : name + "#" + instance);
                try {
                    server.registerMBean(this, candidate);
                    registeredAs = candidate;
                } catch (InstanceAlreadyExistsException taken) {
                    InboundLog.MBEAN_NAME_TAKEN.log(candidate);
                }
            }
        } catch (JMException | RuntimeException e) {
            InboundLog.MBEAN_NOT_REGISTERED.log(e, name);
        }
    }

    void unregister() {
        ObjectName objectName = registeredAs;
        if (objectName == null) {
            return;
        }
        registeredAs = null;
        try {
            ManagementFactory.getPlatformMBeanServer().unregisterMBean(objectName);
        } catch (JMException | RuntimeException e) {
            InboundLog.MBEAN_NOT_UNREGISTERED.log(e, objectName);
        }
    }

    ObjectName objectName() {
        return registeredAs;
    }

    static ObjectName objectName(String activationName) throws JMException {
        String value = activationName.matches("[A-Za-z0-9_.$#-]+") ? activationName : ObjectName.quote(activationName);
        return new ObjectName(DOMAIN + ":type=" + TYPE + ",name=" + value);
    }

    @Override public String getName() { return name; }
    @Override public String getServer() { return config.server(); }
    @Override public String getUsername() { return config.username(); }
    @Override public String getState() { return stream.state().name(); }
    @Override public String getLastError() { return stream.lastError(); }

    @Override
    public String getLastErrorTime() {
        Instant at = stream.lastErrorAt();
        return at == null ? null : at.toString();
    }

    @Override public long getEventsReceived() { return stream.eventsRead(); }
    @Override public long getEventsFiltered() { return stream.eventsFiltered(); }
    @Override public long getEventsDelivered() { return dispatcher.delivered(); }
    @Override public long getDeliveriesFailed() { return dispatcher.failed(); }
    @Override public long getEventsLostBufferFull() { return dispatcher.dropped(); }
    @Override public long getEventsDiscarded() { return dispatcher.discarded(); }
    @Override public long getEventsWaiting() { return dispatcher.waiting(); }
    @Override public long getBufferBytes() { return dispatcher.waitingBytes(); }
    @Override public long getBufferPeakBytes() { return dispatcher.peakWaitingBytes(); }
    @Override public int getCallsInFlight() { return dispatcher.keysInFlight(); }
    @Override public long getNotificationsDelivered() { return dispatcher.notificationsDelivered(); }
    @Override public long getDisconnects() { return stream.disconnects(); }
    @Override public long getReconnects() { return stream.reconnects(); }
    @Override public long getDisconnectedMillis() { return stream.downMillisTotal(); }
    @Override public long getLoginRefusals() { return stream.loginRefusals(); }
    @Override public long getEndpointUnavailableBursts() { return dispatcher.endpointUnavailableBursts(); }
    @Override public boolean isEndpointUnavailable() { return dispatcher.endpointUnavailable(); }
}
