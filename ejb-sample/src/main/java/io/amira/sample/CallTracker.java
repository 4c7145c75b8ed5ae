package io.amira.sample;

import io.amira.api.AmiEvent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Keeps track of the calls in progress from the AMI call events it is fed: one call per Linkedid
 * and server (two Asterisk servers may both have a call 1795435516.0: an application serving
 * several PBXs keys its state by {@link AmiEvent#server()} too) with its channels, their states
 * and the caller ID. A call ends when its last channel hangs up.
 *
 * <p>Safe for concurrent use without a lock of its own, so message-driven bean instances never
 * queue behind one another: the calls live in a {@link ConcurrentHashMap}, each one an immutable
 * value replaced atomically under its Linkedid. Events of different calls update the board in
 * parallel; the adapter delivers the events of one call one after another (ordering {@code call}),
 * so those do not even meet. Readers never wait for writers and see every call as of one event.
 *
 * <p>How to use it in your own application: feed every event from your MDB to
 * {@link #apply(AmiEvent)}, and read {@link #activeCalls()} whenever you need the picture.
 */
public class CallTracker {

    private final Clock clock;
    private final ConcurrentMap<CallKey, Call> calls = new ConcurrentHashMap<>();

    public CallTracker(Clock clock) {
        this.clock = clock;
    }

    /**
     * Updates the board with one event; returns the ended call when this event was the last hangup
     * of a call, so the caller can report it.
     */
    public Optional<EndedCall> apply(AmiEvent event) {
        String linkedId = linkedId(event);
        String channel = event.get("Channel");
        if (linkedId == null || channel == null) {
            return Optional.empty();
        }
        CallKey key = new CallKey(event.server(), linkedId);
        switch (event.name()) {
            case "Newchannel" -> calls.compute(key,
                    (id, call) -> (call == null ? new Call(clock.instant(), Map.of(), "") : call).update(channel, event));
            case "Newstate", "NewCallerid" -> calls.computeIfPresent(key, (id, call) -> call.update(channel, event));
            case "Hangup" -> {
                return hangup(key, channel, event);
            }
            default -> {
                // Other events do not change the board.
            }
        }
        return Optional.empty();
    }

    private Optional<EndedCall> hangup(CallKey key, String channel, AmiEvent event) {
        EndedCall[] ended = new EndedCall[1];
        calls.computeIfPresent(key, (id, call) -> {
            Call rest = call.without(channel);
            if (!rest.channels.isEmpty()) {
                return rest;
            }
            ended[0] = new EndedCall(id.linkedId(), call.callerId, Duration.between(call.started, clock.instant()), causeInWords(event));
            return null;
        });
        return Optional.ofNullable(ended[0]);
    }

    /** The calls in progress, oldest first. */
    public List<ActiveCall> activeCalls() {
        Instant now = clock.instant();
        List<ActiveCall> result = new ArrayList<>(calls.size());
        calls.forEach((key, call) -> result.add(new ActiveCall(key.linkedId(), call.channels, call.callerId,
                Duration.between(call.started, now))));
        result.sort(Comparator.comparing(ActiveCall::duration).reversed());
        return result;
    }

    /** The hangup cause as words: Asterisk's own Cause-txt, else the numeric cause. */
    static String causeInWords(AmiEvent hangup) {
        String text = hangup.get("Cause-txt");
        if (text != null && !text.isBlank()) {
            return text;
        }
        String cause = hangup.get("Cause");
        return cause == null ? "unknown cause" : "cause " + cause;
    }

    private static String linkedId(AmiEvent event) {
        String linkedId = event.get("Linkedid");
        return linkedId != null && !linkedId.isEmpty() ? linkedId : event.get("Uniqueid");
    }

    /** Where a call lives: its Linkedid is unique on its server only. */
    private record CallKey(String server, String linkedId) {
    }

    /** A call in progress as the board sees it. */
    public record ActiveCall(String linkedId, Map<String, String> channelStates, String callerId, Duration duration) {
    }

    /** A call that just ended, with its hangup cause in words. */
    public record EndedCall(String linkedId, String callerId, Duration duration, String cause) {
    }

    /** One call as of one event: immutable, replaced as a whole. */
    private record Call(Instant started, Map<String, String> channels, String callerId) {

        Call update(String channel, AmiEvent event) {
            Map<String, String> states = new LinkedHashMap<>(channels);
            String state = event.get("ChannelStateDesc");
            states.merge(channel, state == null ? "Unknown" : state, (old, fresh) -> state == null ? old : fresh);
            return new Call(started, Collections.unmodifiableMap(states), callerIdOf(event, callerId));
        }

        Call without(String channel) {
            Map<String, String> states = new LinkedHashMap<>(channels);
            states.remove(channel);
            return new Call(started, Collections.unmodifiableMap(states), callerId);
        }

        private static String callerIdOf(AmiEvent event, String known) {
            String number = event.get("CallerIDNum");
            if (number == null || number.isBlank() || "<unknown>".equals(number)) {
                return known;
            }
            String name = event.get("CallerIDName");
            return name == null || name.isBlank() || "<unknown>".equals(name) ? number : name + " <" + number + ">";
        }
    }
}
