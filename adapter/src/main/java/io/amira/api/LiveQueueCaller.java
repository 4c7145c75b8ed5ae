package io.amira.api;

import java.time.Duration;
import java.time.Instant;

/**
 * A caller waiting in a queue, as the live view tracks it.
 *
 * @param queue        the queue's name
 * @param position     its position, 1 for the next to be served
 * @param uniqueId     the waiting channel's {@code Uniqueid}
 * @param channel      the waiting channel's name
 * @param callerIdNum  {@code CallerIDNum}
 * @param callerIdName {@code CallerIDName}
 * @param joined       when it joined the queue: when the view saw its {@code QueueCallerJoin}, or, when it
 *                     joined before the view (re)connected, estimated from Asterisk's {@code Wait} to the second
 */
public record LiveQueueCaller(String queue, int position, String uniqueId, String channel, String callerIdNum,
                              String callerIdName, Instant joined) {

    /** How long it has been waiting, until now. */
    public Duration waitTime() {
        return Duration.between(joined, Instant.now());
    }
}
