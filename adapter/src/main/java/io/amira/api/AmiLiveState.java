package io.amira.api;

import java.time.Duration;

/**
 * The live state of one Asterisk: its channels, calls, bridges and queues, kept current from the
 * adapter's own event session and resynchronised from Asterisk's lists after every (re)connect.
 * Look it up like a connection factory: {@code @Resource(lookup = "java:/eis/amira-live")}.
 *
 * <pre>{@code
 * @Resource(lookup = "java:/eis/amira-live")
 * private AmiLiveState live;
 *
 * int waiting = live.snapshot().queue("support").map(LiveQueue::waiting).orElse(0);
 * }</pre>
 *
 * <p>Thread-safe; every method returns at once except {@link #awaitInSync}. The view starts
 * tracking on its first use; until it has listed everything it is not {@linkplain #isInSync() in
 * sync}. See docs/live-state.md for what is tracked, how fresh it is and what happens on a reconnect.
 */
public interface AmiLiveState {

    /** The Asterisk ({@code host:port}) this view tracks. */
    String server();

    /** Whether the view is in sync with Asterisk now (connected, listed, applying every event). */
    boolean isInSync();

    /**
     * Everything at one moment, immutable: the current state when {@link LiveSnapshot#inSync()},
     * else the last state known, flagged as not in sync.
     */
    LiveSnapshot snapshot();

    /**
     * Waits until the view is in sync, at most {@code timeout}; true when it is.
     *
     * @throws InterruptedException when the waiting thread is interrupted
     */
    boolean awaitInSync(Duration timeout) throws InterruptedException;

    /**
     * Registers a listener for sync changes and ended calls from now on, until the returned handle
     * is closed (check {@link #isInSync()} for the present).
     */
    Registration addListener(LiveStateListener listener);

    /** A listener's registration; closing it removes the listener. */
    interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
