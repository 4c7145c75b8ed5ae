package io.amira.inbound;

import io.amira.api.AmiEvent;
import io.amira.api.AmiLifecycleEvents;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.LongAdder;

/**
 * Hands events from the socket reader to the endpoint: ordered per key (see {@link OrderingMode}),
 * keys in parallel up to the concurrency, on worker tasks run by the given executor (the
 * WorkManager). {@link #offer} never blocks.
 *
 * <p>Overflow policy for a bean that stays slower than Asterisk: at most {@code capacity} events
 * wait. When the buffer is full, arriving events are dropped (those already waiting are kept, so
 * what is delivered stays in order) until the bean has drained the buffer to half its capacity.
 * Then one {@link AmiLifecycleEvents#EVENTS_LOST} event carrying the number dropped in that burst is
 * queued to the bean, and one warning with the count is logged (one more when the burst starts).
 * Every drop is counted: received = delivered + dropped + waiting, and what still waits when delivery
 * stops is counted as discarded. Lifecycle notifications are not counted against the capacity; there
 * are few of them.
 */
final class OrderedDispatcher {

    private static final int BATCH = 32;
    private static final String UNKEYED = "";
    private static final String GLOBAL = "*";

    private final String activationName;
    private final OrderingMode mode;
    private final int concurrency;
    private final int capacity;
    private final int resumeLevel;
    private final boolean announceGaps;
    private final Executor executor;
    private final DeliveryTarget target;

    private final Object lock = new Object();
    private final Map<String, Lane> lanes = new HashMap<>();
    private final ArrayDeque<Lane> ready = new ArrayDeque<>();
    private int waiting;
    private int workers;
    private int closing;
    private boolean overflowing;
    private long burstDropped;
    private long dropped;
    private long received;
    private volatile boolean stopped;
    private volatile String server = "";

    private final LongAdder delivered = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder discarded = new LongAdder();

    OrderedDispatcher(String activationName, OrderingMode mode, int concurrency, int capacity,
                      boolean announceGaps, Executor executor, DeliveryTarget target) {
        this.activationName = activationName;
        this.mode = mode;
        this.concurrency = mode == OrderingMode.GLOBAL ? 1 : concurrency;
        this.capacity = capacity;
        this.resumeLevel = capacity / 2;
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
        boolean startWorker;
        synchronized (lock) {
            if (stopped) {
                return false;
            }
            received++;
            if (overflowing || waiting >= capacity) {
                drop();
                return false;
            }
            waiting++;
            startWorker = needsWorker(enqueue(keyOf(event), event)) && claimWorker();
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
    long delivered() { return delivered.sum(); }
    long failed() { return failed.sum(); }
    /** Events that waited for the bean when delivery stopped: never delivered. */
    long discarded() { return discarded.sum(); }
    int waiting() { synchronized (lock) { return waiting; } }
    int workers() { synchronized (lock) { return workers; } }

    private void drop() {
        dropped++;
        burstDropped++;
        if (!overflowing) {
            overflowing = true;
            InboundLog.BUFFER_FULL.log(activationName, capacity, resumeLevel);
        }
    }

    /** Called under the lock after a worker took events out. */
    private void resumeIfDrained() {
        if (overflowing && waiting <= resumeLevel) {
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
                    lane = stopped ? null : ready.poll();
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
                        }
                    }
                    resumeIfDrained();
                }
                if (session == null) {
                    session = target.openSession();
                }
                for (int i = 0; i < count; i++) {
                    AmiEvent event = batch[i];
                    batch[i] = null;
                    if (stopped) {
                        if (!event.isLifecycle()) {
                            discarded.increment();
                        }
                        continue;
                    }
                    if (session.deliver(event)) {
                        delivered.increment();
                    } else {
                        failed.increment();
                    }
                }
                synchronized (lock) {
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
