package io.amira.sample;

import io.amira.api.AmiEvent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps track of the calls in progress from the AMI call events it is fed: one call per Linkedid
 * and server (two Asterisk servers may both have a call 1795435516.0: an application serving
 * several PBXs keys its state by {@link AmiEvent#server()} too) with its channels, their states
 * and the caller ID. A call ends when its last channel hangs up.
 * Not thread-safe: {@link CallBoard} serialises access.
 *
 * <p>How to use it in your own application: feed every event from your MDB to
 * {@link #apply(AmiEvent)}, and read {@link #activeCalls()} whenever you need the picture.
 */
public class CallTracker {

    private final Clock clock;
    private final Map<String, Call> calls = new LinkedHashMap<>();

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
        String key = event.server() + " " + linkedId;
        switch (event.name()) {
            case "Newchannel" -> calls.computeIfAbsent(key, k -> new Call(linkedId, clock.instant()))
                    .update(channel, event);
            case "Newstate", "NewCallerid" -> {
                Call call = calls.get(key);
                if (call != null) {
                    call.update(channel, event);
                }
            }
            case "Hangup" -> {
                return hangup(key, channel, event);
            }
            default -> {
                // Other events do not change the board.
            }
        }
        return Optional.empty();
    }

    private Optional<EndedCall> hangup(String key, String channel, AmiEvent event) {
        Call call = calls.get(key);
        if (call == null) {
            return Optional.empty();
        }
        call.channels.remove(channel);
        if (!call.channels.isEmpty()) {
            return Optional.empty();
        }
        calls.remove(key);
        Duration duration = Duration.between(call.started, clock.instant());
        return Optional.of(new EndedCall(call.linkedId, call.callerId, duration, causeInWords(event)));
    }

    /** The calls in progress, oldest first. */
    public List<ActiveCall> activeCalls() {
        Instant now = clock.instant();
        List<ActiveCall> result = new ArrayList<>(calls.size());
        for (Call call : calls.values()) {
            result.add(new ActiveCall(call.linkedId, Map.copyOf(call.channels), call.callerId,
                    Duration.between(call.started, now)));
        }
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

    /** A call in progress as the board sees it. */
    public record ActiveCall(String linkedId, Map<String, String> channelStates, String callerId, Duration duration) {
    }

    /** A call that just ended, with its hangup cause in words. */
    public record EndedCall(String linkedId, String callerId, Duration duration, String cause) {
    }

    private static final class Call {
        private final String linkedId;
        private final Instant started;
        private final Map<String, String> channels = new LinkedHashMap<>();
        private String callerId = "";

        Call(String linkedId, Instant started) {
            this.linkedId = linkedId;
            this.started = started;
        }

        void update(String channel, AmiEvent event) {
            String state = event.get("ChannelStateDesc");
            channels.merge(channel, state == null ? "Unknown" : state, (old, fresh) -> state == null ? old : fresh);
            String number = event.get("CallerIDNum");
            if (number != null && !number.isBlank() && !"<unknown>".equals(number)) {
                String name = event.get("CallerIDName");
                callerId = name == null || name.isBlank() || "<unknown>".equals(name) ? number : name + " <" + number + ">";
            }
        }
    }
}
