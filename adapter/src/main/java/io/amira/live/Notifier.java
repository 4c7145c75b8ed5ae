package io.amira.live;

import io.amira.api.AmiEvent;
import io.amira.api.AmiLiveState;
import io.amira.api.LiveCallEnd;
import io.amira.api.LiveStateListener;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Tells the listeners, in order and one notification at a time, on a WorkManager thread: the
 * tracker only queues (it runs on the thread reading Asterisk, which must never wait on
 * application code). Nothing is queued while nobody listens. A backlog beyond {@link #MAX_WAITING}
 * is dropped and logged rather than growing without bound.
 */
final class Notifier {

    static final int MAX_WAITING = 100_000;

    private final String server;
    private final Executor executor;
    private final List<LiveStateListener> listeners = new CopyOnWriteArrayList<>();
    private final Queue<Notification> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicLong dropped = new AtomicLong();

    Notifier(String server, Executor executor) {
        this.server = server;
        this.executor = executor;
    }

    AmiLiveState.Registration add(LiveStateListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    void lifecycle(AmiEvent event) {
        offer(new Notification(event.name(), listener -> listener.onLifecycle(event)));
    }

    void callEnded(LiveCallEnd end) {
        offer(new Notification("the end of call " + end.call().linkedId(), listener -> listener.onCallEnded(end)));
    }

    private void offer(Notification notification) {
        if (listeners.isEmpty()) {
            return;
        }
        if (size.incrementAndGet() > MAX_WAITING) {
            size.decrementAndGet();
            long total = dropped.incrementAndGet();
            if (Long.bitCount(total) == 1) {
                LiveLog.NOTIFICATIONS_DROPPED.log(server, MAX_WAITING, total);
            }
            return;
        }
        waiting.add(notification);
        scheduleDrain();
    }

    private void scheduleDrain() {
        if (draining.compareAndSet(false, true)) {
            try {
                executor.execute(this::drain);
            } catch (RejectedExecutionException e) {
                draining.set(false);
                LiveLog.LISTENER_FAILED.log(e, server, "scheduling the listeners");
            }
        }
    }

    private void drain() {
        while (true) {
            Notification next;
            while ((next = waiting.poll()) != null) {
                size.decrementAndGet();
                for (LiveStateListener listener : listeners) {
                    try {
                        next.call().accept(listener);
                    } catch (RuntimeException e) {
                        LiveLog.LISTENER_FAILED.log(e, server, next.what());
                    }
                }
            }
            draining.set(false);
            if (waiting.isEmpty() || !draining.compareAndSet(false, true)) {
                return;
            }
        }
    }

    private record Notification(String what, Consumer<LiveStateListener> call) {
    }
}
