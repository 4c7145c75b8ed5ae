package io.amira.it.storm;

import io.amira.api.AmiAction;
import io.amira.api.AmiEvent;
import io.amira.api.AmiException;
import io.amira.api.AmiResponse;
import io.amira.client.AmiClient;
import io.amira.client.AmiClientConfig;
import io.amira.client.AmiClientListener;
import io.amira.it.AmiTarget;
import io.amira.it.storm.recorder.CallLedger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A call storm as a dialer or a call centre at 9:00 makes it: {@code calls} async Originates to the
 * test channel ({@code Local/100@demo}: answers, waits 1 s, raises UserEvent Demo, hangs up),
 * spread evenly over {@code spread}, sent on one AMI session that takes no events; the server runs
 * them at once and interleaves their events as it does. Each call gets its first channel's Uniqueid
 * from the Originate ({@code ChannelId}), so its Linkedid is known before it exists. A second
 * session with events on records what came over the wire ({@link #wire()}), so the MDB's share can
 * be compared call by call.
 */
final class CallStorm implements AutoCloseable {

    private static final int BUCKET_MILLIS = 100;

    private final CallLedger wire = new CallLedger();
    private final Object lock = new Object();
    private final Map<String, Set<String>> liveChannels = new HashMap<>();
    private final Map<String, String> callOfChannel = new HashMap<>();
    private final Set<String> endedCalls = new HashSet<>();
    private final Set<String> answered = new HashSet<>();
    private final List<String> failures = new ArrayList<>();
    /** Calls whose Originate the server answered with a failure: they never started. */
    private final Set<String> refused = new HashSet<>();
    private final int[] eventsPerBucket = new int[10 * 60 * 1000 / BUCKET_MILLIS];
    private final long startNanos = System.nanoTime();
    private final AmiClient observer;
    private final AmiClient caller;
    private final Set<String> calls = new LinkedHashSet<>();
    private long sendMillis;

    private CallStorm() throws AmiException {
        observer = connect("on", this::observe);
        caller = connect("off", event -> { });
    }

    static CallStorm connect() throws AmiException {
        return new CallStorm();
    }

    /** Sends the Originates, paced over {@code spread}; returns once each one was queued by the server. */
    void originate(int count, Duration spread) {
        String run = "storm-" + Long.toString(System.currentTimeMillis() / 1000, 36) + "-";
        List<CompletableFuture<AmiResponse>> queued = new ArrayList<>(count);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long due = start + spread.toNanos() * i / count;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            // One width for every id: Asterisk 22 refuses a ChannelId that is a prefix of a live
            // channel's Uniqueid (its channel storage matches uniqueids by prefix), so "-1" beside "-10" fails.
            String call = run + String.format("%06d", i);
            calls.add(call);
            AmiAction originate = AmiAction.builder("Originate")
                    .header("Channel", AmiTarget.channel())
                    .header("Application", "Wait")
                    .header("Data", "2")
                    .header("ChannelId", call)
                    .header("Async", "true")
                    .build();
            queued.add(caller.sendAsync(originate));
        }
        sendMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        for (CompletableFuture<AmiResponse> response : queued) {
            try {
                AmiResponse answer = response.join();
                if (!answer.isSuccess()) {
                    addFailure(answer.get("Message"));
                }
            } catch (CompletionException e) {
                addFailure(String.valueOf(e.getCause()));
            }
        }
    }

    /** Whether the server reported every call's outcome (OriginateResponse). */
    boolean allOriginated() {
        synchronized (lock) {
            return answered.size() + failures.size() >= calls.size();
        }
    }

    /** Linkedids of the calls that started (each Originate's ChannelId: its first channel's Uniqueid), less those the server refused. */
    Set<String> calls() {
        synchronized (lock) {
            Set<String> placed = new HashSet<>(calls);
            placed.removeAll(refused);
            return placed;
        }
    }

    /** Why Originates failed, one entry each. */
    List<String> failures() {
        synchronized (lock) {
            return new ArrayList<>(failures);
        }
    }

    /** Calls the server reported answered. */
    int answered() {
        synchronized (lock) {
            return answered.size();
        }
    }

    long sendMillis() {
        return sendMillis;
    }

    CallLedger wire() {
        return wire;
    }

    /** Whether every placed call's channels have all hung up, as the wire showed. */
    boolean allEnded() {
        synchronized (lock) {
            return endedCalls.containsAll(calls());
        }
    }

    /** The ledger keys of the placed calls: Linkedid, each channel's Uniqueid (a Cdr's key), and ~Linkedid. */
    Set<String> lanes() {
        Set<String> keys = new LinkedHashSet<>();
        synchronized (lock) {
            for (String call : calls) {
                keys.add(call);
                keys.add("~" + call);
            }
            callOfChannel.forEach((channel, call) -> {
                if (calls.contains(call)) {
                    keys.add(channel);
                }
            });
        }
        return keys;
    }

    /** The highest rate on the wire over 100 ms, in events per second. */
    long peakEventsPerSecond() {
        int peak = 0;
        synchronized (lock) {
            for (int count : eventsPerBucket) {
                peak = Math.max(peak, count);
            }
        }
        return peak * 1000L / BUCKET_MILLIS;
    }

    private void observe(AmiEvent event) {
        wire.add(event);
        synchronized (lock) {
            int bucket = (int) (TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos) / BUCKET_MILLIS);
            if (bucket < eventsPerBucket.length) {
                eventsPerBucket[bucket]++;
            }
            if ("OriginateResponse".equals(event.name())) {
                if ("Success".equals(event.get("Response"))) {
                    answered.add(event.uniqueId());
                } else {
                    failures.add(event.uniqueId() + ": Reason " + event.get("Reason"));
                    refused.add(event.uniqueId());
                }
                return;
            }
            String call = event.linkedId();
            String channel = event.uniqueId();
            if (call == null || channel == null) {
                return;
            }
            if ("Newchannel".equals(event.name())) {
                liveChannels.computeIfAbsent(call, k -> new HashSet<>()).add(channel);
                callOfChannel.put(channel, call);
            } else if ("Hangup".equals(event.name())) {
                Set<String> live = liveChannels.get(call);
                if (live != null && live.remove(channel) && live.isEmpty()) {
                    liveChannels.remove(call);
                    endedCalls.add(call);
                }
            }
        }
    }

    private void addFailure(String why) {
        synchronized (lock) {
            failures.add(why);
        }
    }

    private static AmiClient connect(String events, AmiClientListener listener) throws AmiException {
        AmiClientConfig config = AmiClientConfig.builder()
                .host(AmiTarget.host()).port(AmiTarget.port())
                .username(AmiTarget.username()).secret(AmiTarget.secret())
                .events(events)
                .actionTimeout(Duration.ofSeconds(60))
                .build();
        return AmiClient.connect(config, listener);
    }

    @Override
    public String toString() {
        synchronized (lock) {
            return calls.size() + " calls: " + answered.size() + " answered, " + failures.size() + " failed, "
                    + endedCalls.stream().filter(calls::contains).count() + " ended on the wire; " + wire.events()
                    + " events on the wire; observer " + (observer.isConnected() ? "connected" : "disconnected")
                    + ", caller " + (caller.isConnected() ? "connected" : "disconnected");
        }
    }

    @Override
    public void close() {
        caller.close();
        observer.close();
    }
}
