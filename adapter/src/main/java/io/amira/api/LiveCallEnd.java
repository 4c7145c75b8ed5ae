package io.amira.api;

import java.time.Duration;
import java.time.Instant;

/**
 * A call that ended (its last channel hung up), as {@link LiveStateListener#onCallEnded} reports it.
 *
 * @param call      the call, with every channel the view saw in it as it was when it hung up
 * @param ended     when its last channel hung up (for a call that ended while the view was not in
 *                  sync: when the view noticed, on resynchronising)
 * @param cause     the last hangup's cause, {@link HangupCause#UNKNOWN} when the view did not see it
 * @param causeText Asterisk's words for the cause ({@code Cause-txt}), or a sentence saying the call
 *                  ended while the view was not in sync
 */
public record LiveCallEnd(LiveCall call, Instant ended, HangupCause cause, String causeText) {

    /** From the call's start to its end. */
    public Duration duration() {
        return Duration.between(call.start(), ended);
    }
}
