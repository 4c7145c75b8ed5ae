package io.amira.inbound;

/**
 * What an operator sees of one activation (one message-driven bean's event connection) through JMX,
 * registered with the platform MBeanServer as {@code io.amira:type=InboundActivation,name=<bean class>}
 * while the activation lives (docs/configuration.md, "Watching the inbound side"). Counters start at
 * activation. Every Asterisk event the session reads is filtered out, delivered, failed in the bean,
 * lost to a full buffer, discarded at stop or still waiting; while no delivery is in progress,
 * {@code EventsReceived = EventsFiltered + EventsDelivered + DeliveriesFailed + EventsLostBufferFull
 * + EventsDiscarded + EventsWaiting}. Events Asterisk raised while the connection was down cannot be
 * counted (AMI events carry no sequence number): {@code Disconnects} counts those gaps.
 */
public interface InboundActivationMXBean {

    /** The activation's name: the bean's class name. */
    String getName();

    /** The AMI server, {@code host:port}. */
    String getServer();

    String getUsername();

    /** CONNECTING, CONNECTED, DISCONNECTED, AUTHENTICATION_FAILED or STOPPED. */
    String getState();

    /** The last problem (connect failure, refused login, lost connection), or null. */
    String getLastError();

    /** When the last problem happened, ISO-8601 UTC, or null. */
    String getLastErrorTime();

    /** Events Asterisk sent on the activation's session (before the adapter's filter). */
    long getEventsReceived();

    /** Events the adapter's filter kept from the bean. */
    long getEventsFiltered();

    /** Asterisk events the bean completed. */
    long getEventsDelivered();

    /** Asterisk events the bean (or the container) failed on; logged, the stream went on. */
    long getDeliveriesFailed();

    /** Events dropped because the buffer was full (announced as {@code Amira.EventsLost}). */
    long getEventsLostBufferFull();

    /** Events still waiting when delivery stopped (deactivation): never delivered. */
    long getEventsDiscarded();

    /** Events waiting for the bean now. */
    long getEventsWaiting();

    /** Bytes the waiting events count against {@code bufferCapacityBytes} now. */
    long getBufferBytes();

    /** The most bytes that waited at once since activation: how close a burst came to the capacity. */
    long getBufferPeakBytes();

    /** Calls (with {@code ordering=call}: Linkedid, else Uniqueid, else Channel) with events waiting or in delivery. */
    int getCallsInFlight();

    /** Lifecycle notifications ({@code Amira.*}) the bean completed. */
    long getNotificationsDelivered();

    /** Times the connection was lost: each is a gap of events that cannot be counted. */
    long getDisconnects();

    /** Times the connection came back after a loss. */
    long getReconnects();

    /** Time spent disconnected in gaps that ended with a reconnect, ms. */
    long getDisconnectedMillis();

    /** Logins Asterisk refused (wrong username or secret). */
    long getLoginRefusals();

    /** Times delivery found no endpoint (MDB pool exhausted, deployment stopping) and backed off. */
    long getEndpointUnavailableBursts();

    /** Whether delivery is backing off now because no endpoint can be had. */
    boolean isEndpointUnavailable();
}
