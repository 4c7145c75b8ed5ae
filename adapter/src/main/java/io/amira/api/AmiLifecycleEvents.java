package io.amira.api;

/**
 * The names and headers of the lifecycle notifications Amira delivers to a message-driven bean as
 * {@link AmiEvent}s, next to Asterisk's own events. Their names contain a dot, which no Asterisk
 * event name does, so they cannot collide. Each carries {@code Activation} (the endpoint's
 * activation name) and {@code Server} ({@code host:port}).
 *
 * <p>An application resynchronises on {@link #CONNECTED}, {@link #RECONNECTED} and
 * {@link #EVENTS_LOST}, for example by running the {@code Status} action: events before or during
 * them were not delivered (to this activation).
 */
public final class AmiLifecycleEvents {

    /**
     * The event connection logged in for the first time after activation: delivery starts here. An
     * activation starts at deployment, when a suspended server resumes, and on a cluster when this
     * node takes over a clustered-singleton MDB from a node that stopped or died (docs/cluster.md);
     * calls in progress were partly missed.
     */
    public static final String CONNECTED = "Amira.Connected";
    /** The event connection was lost; {@link #CAUSE} says why. Amira reconnects on its own. */
    public static final String DISCONNECTED = "Amira.Disconnected";
    /**
     * The event connection is back after a loss; events Asterisk raised while it was down are
     * lost. Carries {@link #ATTEMPTS} and {@link #DOWN_MILLIS}.
     */
    public static final String RECONNECTED = "Amira.Reconnected";
    /**
     * Events were dropped because the endpoint stayed slower than Asterisk and the activation's
     * buffer was full. Carries {@link #LOST} (dropped in this burst) and {@link #TOTAL_LOST}.
     */
    public static final String EVENTS_LOST = "Amira.EventsLost";

    public static final String ACTIVATION = "Activation";
    public static final String SERVER = "Server";
    public static final String CAUSE = "Cause";
    public static final String ATTEMPTS = "Attempts";
    public static final String DOWN_MILLIS = "DownMillis";
    public static final String LOST = "Lost";
    public static final String TOTAL_LOST = "TotalLost";

    private static final String PREFIX = "Amira.";

    private AmiLifecycleEvents() {
    }

    /** Whether {@code eventName} names one of Amira's lifecycle notifications. */
    public static boolean isLifecycle(String eventName) {
        return eventName != null && eventName.startsWith(PREFIX);
    }
}
