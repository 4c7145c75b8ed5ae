package io.amira.inbound;

import io.amira.api.AmiEvent;
import io.amira.api.AmiLifecycleEvents;
import jakarta.resource.spi.UnavailableException;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Hands events from the socket reader to the endpoint: ordered per key (see {@link OrderingMode}),
 * keys in parallel up to the concurrency, on worker tasks run by the given executor (the
 * WorkManager). {@link #offer} never blocks.
 *
 * <p>The buffer is bounded by memory: at most {@code capacityBytes} of events wait, each counted at
 * its {@link EventSize} (what it holds of the heap), so a burst of small call events and a few
 * large ones are bounded alike. An event that finds the buffer empty is always taken, however
 * large.
 *
 * <p>Overflow policy for a bean that stays slower than Asterisk: when an arriving event does not
 * fit, it and every event after it are dropped (those already waiting are kept, so what is
 * delivered stays in order) until the bean has drained the buffer to half its capacity. Then one
 * {@link AmiLifecycleEvents#EVENTS_LOST} event carrying the number dropped in that burst is queued
 * to the bean, and one warning with the count is logged (one more when the burst starts). Every
 * drop is counted: received = delivered + failed + dropped + discarded + waiting, where discarded
 * are the events still waiting when delivery stops. Lifecycle notifications are not counted against
 * the capacity; there are few of them.
 *
 * <p>When no endpoint can be had ({@code createEndpoint} fails: the MDB pool is exhausted, the
 * deployment is stopping), the event stays at the head of its key's queue and every worker waits
 * before the next attempt, 100 ms at first, doubling up to 5 s. One warning is logged when such a
 * burst starts and one line when delivery resumes; meanwhile arriving events fill the buffer and the
 * overflow policy above counts and announces what it drops.
 */
final class OrderedDispatcher {

    private static final int BATCH = 32;
    static final long RETRY_INITIAL_MILLIS = 100;
    static final long RETRY_MAX_MILLIS = 5000;
    private static final String UNKEYED = "";
    private static final String GLOBAL = "*";

    private final String activationName;
    private final OrderingMode mode;
    private final int concurrency;
    private final long capacityBytes;
    private final long resumeLevel;
    private final boolean announceGaps;
    private final Executor executor;
    private final DeliveryTarget target;

    private final Object lock = new Object();
    private final Map<String, Lane> lanes = new HashMap<>();
    private final ArrayDeque<Lane> ready = new ArrayDeque<>();
    private int waiting;
    private long waitingBytes;
    private int peakWaiting;
    private long peakWaitingBytes;
    private int workers;
    private int closing;
    private boolean overflowing;
    private long burstDropped;
    private long dropped;
    private long received;
    private volatile boolean stopped;
    private volatile String server = "";
    /** No endpoint could be had: workers wait until retryAtNanos (guarded by the lock; read without it as a hint). */
    private volatile boolean unavailable;
    private long retryAtNanos;
    private long retryDelayMillis;
    private long unavailableSinceNanos;
    private int unavailableAttempts;
    private long unavailableBursts;

    private final LongAdder delivered = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder discarded = new LongAdder();
    private final LongAdder notifications = new LongAdder();

    OrderedDispatcher(String activationName, OrderingMode mode, int concurrency, long capacityBytes,
                      boolean announceGaps, Executor executor, DeliveryTarget target) {
        this.activationName = activationName;
        this.mode = mode;
        this.concurrency = mode == OrderingMode.GLOBAL ? 1 : concurrency;
        this.capacityBytes = capacityBytes;
        this.resumeLevel = capacityBytes / 2;
        this.announceGaps = announceGaps;
        this.executor = executor;
        this.target = target;
    }

    /** The server ({@code host:port}) named in the gap notifications. */
    void server(String server) {
        this.server = server;
    }

    /**
     * Queues an Asterisk event for delivery, or drops it when the buffer is full (see the class
     * comment). Never blocks. Returns whether the event was queued.
     */
    boolean offer(AmiEvent event) {
        long size = EventSize.of(event);
        String key = keyOf(event);
        boolean startWorker;
        synchronized (lock) {
            if (stopped) {
                return false;
            }
            received++;
            if (overflowing || waiting > 0 && waitingBytes + size > capacityBytes) {
                drop();
                return false;
            }
            waiting++;
            waitingBytes += size;
            peakWaiting = Math.max(peakWaiting, waiting);
            peakWaitingBytes = Math.max(peakWaitingBytes, waitingBytes);
            startWorker = needsWorker(enqueue(key, event)) && claimWorker();
        }
        if (startWorker) {
            startWorker();
        }
        return true;
    }

    /** Queues one of Amira's lifecycle notifications; not counted against the capacity. */
    void offerLifecycle(AmiEvent event) {
        boolean startWorker;
        synchronized (lock) {
            if (stopped) {
                return;
            }
            startWorker = needsWorker(enqueue(controlKey(), event)) && claimWorker();
        }
        if (startWorker) {
            startWorker();
        }
    }

    /** Stops delivery at once: what waits is discarded (and counted), no worker starts another delivery. */
    void halt() {
        synchronized (lock) {
            stopped = true;
            discarded.add(waiting);
            lanes.clear();
            ready.clear();
            waiting = 0;
            waitingBytes = 0;
            lock.notifyAll();
        }
    }

    /**
     * {@link #halt()}, then waits up to {@code grace} for deliveries in progress to return and their
     * endpoints to be released. Returns whether they did.
     */
    boolean stop(Duration grace) {
        halt();
        long deadline = System.nanoTime() + grace.toNanos();
        synchronized (lock) {
            while (workers + closing > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    InboundLog.DELIVERIES_STILL_RUNNING.log(activationName, workers, grace.toMillis());
                    return false;
                }
                try {
                    lock.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    long received() { synchronized (lock) { return received; } }
    long dropped() { synchronized (lock) { return dropped; } }
    /** Asterisk events the bean completed. */
    long delivered() { return delivered.sum(); }
    /** Asterisk events the bean (or the container) failed on. */
    long failed() { return failed.sum(); }
    /** Events that waited for the bean when delivery stopped: never delivered. */
    long discarded() { return discarded.sum(); }
    /** Lifecycle notifications the bean completed. */
    long notificationsDelivered() { return notifications.sum(); }
    int waiting() { synchronized (lock) { return waiting; } }
    long waitingBytes() { synchronized (lock) { return waitingBytes; } }
    /** The most events that waited at once since activation. */
    int peakWaiting() { synchronized (lock) { return peakWaiting; } }
    /** The most bytes (see {@link EventSize}) that waited at once since activation. */
    long peakWaitingBytes() { synchronized (lock) { return peakWaitingBytes; } }
    int workers() { synchronized (lock) { return workers; } }
    /** Keys (calls, with ordering=call) that have events waiting or in delivery. */
    int keysInFlight() {
        synchronized (lock) {
            return lanes.size() - (lanes.containsKey(UNKEYED) ? 1 : 0);
        }
    }
    /** Whether no endpoint can be had now (delivery is backing off). */
    boolean endpointUnavailable() { return unavailable; }
    /** How many times delivery found no endpoint and backed off. */
    long endpointUnavailableBursts() { synchronized (lock) { return unavailableBursts; } }

    private void drop() {
        dropped++;
        burstDropped++;
        if (!overflowing) {
            overflowing = true;
            InboundLog.BUFFER_FULL.log(activationName, capacityBytes, waiting, resumeLevel);
        }
    }

    /** Called under the lock after a worker took events out. */
    private void resumeIfDrained() {
        if (overflowing && waitingBytes <= resumeLevel) {
            overflowing = false;
            long lost = burstDropped;
            long total = dropped;
            burstDropped = 0;
            InboundLog.EVENTS_DROPPED.log(activationName, lost, total);
            if (announceGaps) {
                enqueue(controlKey(), Lifecycle.event(AmiLifecycleEvents.EVENTS_LOST, activationName, server,
                        AmiLifecycleEvents.LOST, Long.toString(lost),
                        AmiLifecycleEvents.TOTAL_LOST, Long.toString(total)));
            }
        }
    }

    /** Under the lock. Returns whether the key's lane became ready (no worker holds or awaits it). */
    private boolean enqueue(String key, AmiEvent event) {
        Lane lane;
        if (key == null) {
            lane = new Lane(null);
        } else {
            lane = lanes.get(key);
            if (lane == null) {
                lane = new Lane(key);
                lanes.put(key, lane);
            }
        }
        lane.events.add(event);
        if (lane.queuedOrBusy) {
            return false;
        }
        lane.queuedOrBusy = true;
        ready.add(lane);
        return true;
    }

    /**
     * Under the lock: a worker is needed when a lane became ready, or when none runs at all (an
     * earlier start was refused by the WorkManager, and events must not wait for a quiet stream).
     */
    private boolean needsWorker(boolean laneBecameReady) {
        return laneBecameReady || workers == 0;
    }

    /** Under the lock: counts one more worker when below the concurrency. */
    private boolean claimWorker() {
        if (workers < concurrency) {
            workers++;
            return true;
        }
        return false;
    }

    private String keyOf(AmiEvent event) {
        switch (mode) {
            case GLOBAL:
                return GLOBAL;
            case NONE:
                return null;
            default:
                String key = event.linkedId();
                if (key == null || key.isEmpty()) {
                    key = event.uniqueId();
                }
                if (key == null || key.isEmpty()) {
                    key = event.channel();
                }
                return key == null || key.isEmpty() ? UNKEYED : key;
        }
    }

    private String controlKey() {
        return mode == OrderingMode.GLOBAL ? GLOBAL : UNKEYED;
    }

    private void startWorker() {
        try {
            executor.execute(this::work);
        } catch (RejectedExecutionException e) {
            synchronized (lock) {
                workers--;
                lock.notifyAll();
            }
            // Events stay queued; the next offer starts a worker again.
            InboundLog.DELIVERY_WORK_REFUSED.log(e, activationName);
        }
    }

    private void work() {
        DeliveryTarget.Session session = null;
        AmiEvent[] batch = new AmiEvent[BATCH];
        Lane lane = null;
        try {
            while (true) {
                int count = 0;
                synchronized (lock) {
                    lane = awaitRetryTime() ? ready.poll() : null;
                    if (lane == null) {
                        // Decided under the lock, so an offer racing with this exit starts a new worker.
                        workers--;
                        closing++;
                        return;
                    }
                    while (count < BATCH && !lane.events.isEmpty()) {
                        AmiEvent event = lane.events.poll();
                        batch[count++] = event;
                        if (!event.isLifecycle()) {
                            waiting--;
                            waitingBytes -= EventSize.of(event);
                        }
                    }
                    resumeIfDrained();
                }
                if (session == null) {
                    session = target.openSession();
                }
                int undelivered = deliver(session, batch, count);
                synchronized (lock) {
                    putBack(lane, batch, undelivered, count);
                    handBack(lane);
                    lane = null;
                }
            }
        } catch (RuntimeException | Error e) {
            synchronized (lock) {
                if (lane != null) {
                    handBack(lane);
                }
                workers--;
                closing++;
            }
            InboundLog.DELIVERY_WORKER_FAILED.log(e, activationName);
            throw e;
        } finally {
            try {
                if (session != null) {
                    session.close();
                }
            } finally {
                synchronized (lock) {
                    closing--;
                    lock.notifyAll();
                }
            }
        }
    }

    /**
     * Delivers {@code batch[0..count)} in order; returns the index of the first event left
     * undelivered because no endpoint could be had ({@code count} when none was).
     */
    private int deliver(DeliveryTarget.Session session, AmiEvent[] batch, int count) {
        for (int i = 0; i < count; i++) {
            AmiEvent event = batch[i];
            if (stopped) {
                batch[i] = null;
                if (!event.isLifecycle()) {
                    discarded.increment();
                }
                continue;
            }
            boolean ok;
            try {
                ok = session.deliver(event);
            } catch (UnavailableException e) {
                noEndpoint(e);
                return i;
            }
            batch[i] = null;
            if (event.isLifecycle()) {
                if (ok) {
                    notifications.increment();
                }
            } else if (ok) {
                delivered.increment();
            } else {
                failed.increment();
            }
            if (unavailable) {
                endpointBack();
            }
        }
        return count;
    }

    /** Under the lock: waits out the backoff while no endpoint can be had; false when stopped. */
    private boolean awaitRetryTime() {
        while (!stopped && unavailable) {
            long left = retryAtNanos - System.nanoTime();
            if (left <= 0) {
                return true;
            }
            try {
                lock.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return !stopped;
    }

    /** No endpoint: the next attempt waits, doubling once per round of attempts (several workers may fail at once). */
    private void noEndpoint(UnavailableException cause) {
        boolean burstStarts;
        int waitingNow;
        synchronized (lock) {
            long now = System.nanoTime();
            burstStarts = !unavailable;
            if (burstStarts) {
                unavailable = true;
                unavailableSinceNanos = now;
                unavailableAttempts = 0;
                retryDelayMillis = 0;
                unavailableBursts++;
            }
            if (burstStarts || now - retryAtNanos >= 0) {
                unavailableAttempts++;
                retryDelayMillis = retryDelayMillis == 0 ? RETRY_INITIAL_MILLIS
                        : Math.min(RETRY_MAX_MILLIS, retryDelayMillis * 2);
                retryAtNanos = now + TimeUnit.MILLISECONDS.toNanos(retryDelayMillis);
            }
            waitingNow = waiting;
        }
        if (burstStarts) {
            InboundLog.ENDPOINT_UNAVAILABLE.log(cause, activationName, cause.getMessage(), waitingNow,
                    RETRY_INITIAL_MILLIS, RETRY_MAX_MILLIS);
        }
    }

    /** A delivery got an endpoint again: the burst is over, waiting workers may go on. */
    private void endpointBack() {
        long millis;
        int attempts;
        synchronized (lock) {
            if (!unavailable) {
                return;
            }
            unavailable = false;
            millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - unavailableSinceNanos);
            attempts = unavailableAttempts;
            lock.notifyAll();
        }
        InboundLog.ENDPOINT_AVAILABLE_AGAIN.log(activationName, millis, attempts);
    }

    /** Under the lock: events a worker could not deliver go back to the head of their lane, in order. */
    private void putBack(Lane lane, AmiEvent[] batch, int from, int count) {
        for (int i = count - 1; i >= from; i--) {
            AmiEvent event = batch[i];
            batch[i] = null;
            if (stopped) {
                if (!event.isLifecycle()) {
                    discarded.increment();
                }
            } else {
                lane.events.addFirst(event);
                if (!event.isLifecycle()) {
                    waiting++;
                    waitingBytes += EventSize.of(event);
                }
            }
        }
    }

    /** Under the lock: a worker is done with a batch of the lane. */
    private void handBack(Lane lane) {
        if (!lane.events.isEmpty() && !stopped) {
            ready.add(lane);
        } else {
            lane.queuedOrBusy = false;
            if (lane.key != null && lanes.get(lane.key) == lane) {
                lanes.remove(lane.key);
            }
        }
    }

    /** The events of one key, and whether it is queued for or held by a worker. */
    private static final class Lane {
        final String key;
        final ArrayDeque<AmiEvent> events = new ArrayDeque<>();
        boolean queuedOrBusy;

        Lane(String key) {
            this.key = key;
        }
    }
}
