package io.amira.api;

/**
 * The names and headers of the lifecycle notifications Amira delivers to a message-driven bean as
 * {@link AmiEvent}s, next to Asterisk's own events. Their names contain a dot, which no Asterisk
 * event name does, so they cannot collide. Each carries {@code Activation} (the endpoint's
 * activation name) and {@code Server} ({@code host:port}). The live view ({@link AmiLiveState})
 * tells its listeners of its own sync state the same way ({@link #LIVE_STATE_LOST},
 * {@link #LIVE_STATE_SYNCED}, with {@code Server} only).
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
     * The event connection is back after a loss: a gap. Events Asterisk raised while it was down are
     * lost, and how many cannot be known (AMI events carry no sequence number); the gap is
     * {@link #DOWN_SINCE} plus {@link #DOWN_MILLIS}. Carries {@link #ATTEMPTS} too.
     */
    public static final String RECONNECTED = "Amira.Reconnected";
    /**
     * Events were dropped because the endpoint stayed slower than Asterisk and the activation's
     * buffer was full. Carries {@link #LOST} (dropped in this burst) and {@link #TOTAL_LOST}.
     */
    public static final String EVENTS_LOST = "Amira.EventsLost";
    /**
     * The live view ({@link AmiLiveState}) is not in sync any more: it lost its event connection
     * ({@link #CAUSE} says why) and resynchronises once it is back. Told to {@link LiveStateListener}s.
     */
    public static final String LIVE_STATE_LOST = "Amira.LiveStateLost";
    /**
     * The live view is in sync: it listed Asterisk's state after (re)connecting and applies every
     * event again. Carries {@link #RESYNC_MILLIS}. Told to {@link LiveStateListener}s.
     */
    public static final String LIVE_STATE_SYNCED = "Amira.LiveStateSynced";
    /**
     * Asterisk refused the event connection's login: wrong username or secret, or the user's
     * {@code permit}/{@code deny}. Not a network blip: Amira tries again only after a long, growing
     * delay (the {@code AuthRetryDelayMillis} and {@code AuthRetryMaxDelayMillis} properties), so
     * that Asterisk's {@code authlimit} and a fail2ban on the PBX are not tripped. Carries
     * {@link #CAUSE} (Asterisk's answer), {@link #USERNAME} and {@link #RETRY_MILLIS}; delivered once
     * until a login succeeds, which {@link #CONNECTED} or {@link #RECONNECTED} then announces.
     */
    public static final String AUTHENTICATION_FAILED = "Amira.AuthenticationFailed";

    public static final String ACTIVATION = "Activation";
    public static final String SERVER = "Server";
    public static final String CAUSE = "Cause";
    public static final String ATTEMPTS = "Attempts";
    public static final String DOWN_MILLIS = "DownMillis";
    /** When the connection was found lost, ISO-8601 UTC (e.g. {@code 2025-01-31T09:00:00.123Z}). */
    public static final String DOWN_SINCE = "DownSince";
    public static final String USERNAME = "Username";
    /** Milliseconds until the next login attempt. */
    public static final String RETRY_MILLIS = "RetryMillis";
    public static final String LOST = "Lost";
    public static final String TOTAL_LOST = "TotalLost";
    /** From the live view's login to the end of its resynchronisation, in milliseconds. */
    public static final String RESYNC_MILLIS = "ResyncMillis";

    private static final String PREFIX = "Amira.";

    private AmiLifecycleEvents() {
    }

    /** Whether {@code eventName} names one of Amira's lifecycle notifications. */
    public static boolean isLifecycle(String eventName) {
        return eventName != null && eventName.startsWith(PREFIX);
    }
}
