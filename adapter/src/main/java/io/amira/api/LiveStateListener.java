package io.amira.api;

/**
 * Told by the live view ({@link AmiLiveState#addListener}) when it loses or regains sync and when a
 * call ends. Calls come one at a time, in order, on a thread of the adapter's WorkManager (not the
 * thread reading Asterisk), without the application's transaction or security context: return
 * quickly. An exception is logged and the next notification goes on.
 */
public interface LiveStateListener {

    /**
     * The view lost sync ({@link AmiLifecycleEvents#LIVE_STATE_LOST}, with {@link AmiLifecycleEvents#CAUSE})
     * or is in sync again ({@link AmiLifecycleEvents#LIVE_STATE_SYNCED}, with
     * {@link AmiLifecycleEvents#RESYNC_MILLIS}). Both carry {@link AmiLifecycleEvents#SERVER}.
     */
    default void onLifecycle(AmiEvent event) {
    }

    /**
     * A call's last channel hung up. Calls that ended while the view was not in sync are reported
     * when it resynchronises, with {@link HangupCause#UNKNOWN} unless it saw their last hangup.
     */
    default void onCallEnded(LiveCallEnd end) {
    }
}
