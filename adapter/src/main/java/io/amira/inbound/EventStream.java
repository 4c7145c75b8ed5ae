package io.amira.inbound;

import io.amira.api.AmiEvent;
import io.amira.api.AmiLifecycleEvents;
import io.amira.client.AmiClientConfig;

import java.io.EOFException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The event connection of one activation: connects as WorkManager work, feeds what passes the
 * filter to the dispatcher, and after a loss reconnects with backoff and jitter (the login event
 * mask and the server-side filter are part of every login), announcing each change to the bean as
 * a lifecycle notification. A hung server is detected by the session's keepalive and handled as a
 * loss.
 */
final class EventStream {

    private final String activationName;
    private final AmiClientConfig config;
    private final EventFilter filter;
    private final boolean announce;
    private final Backoff backoff;
    private final EventSession.Factory sessions;
    private final Executor longRunning;
    private final OrderedDispatcher dispatcher;

    private final Object lock = new Object();
    private boolean stopped;
    private Attempt current;
    private EventSession session;
    private boolean everConnected;
    private long downSinceNanos;

    /** {@code config}: the session's, with the filter's event mask as its login's. */
    EventStream(String activationName, AmiClientConfig config, InboundConfig inbound, EventSession.Factory sessions,
                Executor longRunning, OrderedDispatcher dispatcher) {
        this.activationName = activationName;
        this.config = config;
        this.filter = inbound.filter();
        this.announce = inbound.lifecycleEvents();
        this.backoff = new Backoff(inbound.reconnectInitialDelay(), inbound.reconnectMaxDelay());
        this.sessions = sessions;
        this.longRunning = longRunning;
        this.dispatcher = dispatcher;
        dispatcher.server(config.server());
    }

    /** Connects in the background; returns at once. */
    void start() {
        scheduleConnect(false);
    }

    /** Whether a session is logged in now. */
    boolean isConnected() {
        synchronized (lock) {
            return session != null;
        }
    }

    /** Stops delivery at once and closes the session; a connect in progress closes what it opens. */
    void stop() {
        EventSession open;
        synchronized (lock) {
            stopped = true;
            open = session;
            session = null;
            current = null;
            lock.notifyAll();
        }
        dispatcher.halt();
        if (open != null) {
            open.close();
        }
    }

    private void scheduleConnect(boolean afterLoss) {
        try {
            longRunning.execute(() -> connectLoop(afterLoss));
        } catch (RejectedExecutionException e) {
            InboundLog.CONNECT_WORK_REFUSED.log(e, activationName, config.server());
        }
    }

    private void connectLoop(boolean afterLoss) {
        int attempt = 0;
        while (true) {
            attempt++;
            if ((afterLoss || attempt > 1) && !waitUnlessStopped(backoff.delayMillis(attempt))) {
                return;
            }
            Attempt listener = new Attempt(attempt);
            synchronized (lock) {
                if (stopped) {
                    return;
                }
                current = listener;
            }
            EventSession opened;
            try {
                opened = sessions.open(config, filter, listener, longRunning);
            } catch (Exception e) {
                (attempt == 1 ? InboundLog.CONNECT_FAILED : InboundLog.CONNECT_RETRY_FAILED)
                        .log(activationName, config.server(), attempt, e.getMessage());
                continue;
            }
            if (connected(listener, opened)) {
                return;
            }
        }
    }

    /** Records the new session; false when it died already (try again). Closes it when stopped meanwhile. */
    private boolean connected(Attempt listener, EventSession opened) {
        synchronized (lock) {
            if (!stopped && listener.lostEarly == null) {
                session = opened;
                announceLocked(listener);
                return true;
            }
            if (!stopped) {
                current = null;
                if (listener.announced) {
                    downSinceNanos = System.nanoTime();
                    announceLossLocked(listener.lostEarly);
                }
                return false;
            }
        }
        opened.close();
        return true;
    }

    /**
     * Under the lock: announces the session once, before any of its events is queued (the session's
     * first event and the connect loop race to call this; the lock makes the winner's notification
     * come first).
     */
    private void announceLocked(Attempt listener) {
        if (listener.announced || stopped) {
            return;
        }
        listener.announced = true;
        boolean reconnect = everConnected;
        everConnected = true;
        int attempts = listener.number;
        if (reconnect) {
            long downMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - downSinceNanos);
            InboundLog.RECONNECTED.log(activationName, config.server(), downMillis, attempts);
            lifecycle(Lifecycle.event(AmiLifecycleEvents.RECONNECTED, activationName, config.server(),
                    AmiLifecycleEvents.ATTEMPTS, Integer.toString(attempts),
                    AmiLifecycleEvents.DOWN_MILLIS, Long.toString(downMillis)));
        } else {
            InboundLog.RECEIVING.log(activationName, config.server(), filter.loginEventMask());
            lifecycle(Lifecycle.event(AmiLifecycleEvents.CONNECTED, activationName, config.server()));
        }
    }

    private void announceFirstEvent(Attempt listener) {
        synchronized (lock) {
            announceLocked(listener);
        }
    }

    private void lost(Attempt listener, Exception cause) {
        synchronized (lock) {
            if (stopped) {
                return;
            }
            if (current != listener || session == null) {
                listener.lostEarly = cause == null ? new EOFException("closed by the server") : cause;
                return;
            }
            session = null;
            current = null;
            downSinceNanos = System.nanoTime();
            announceLossLocked(cause);
        }
        scheduleConnect(true);
    }

    /** Under the lock (so it stays behind the Connected/Reconnected notification it follows). */
    private void announceLossLocked(Exception cause) {
        String reason = cause == null ? "closed by the server" : String.valueOf(cause.getMessage());
        InboundLog.CONNECTION_LOST.log(activationName, config.server(), reason);
        lifecycle(Lifecycle.event(AmiLifecycleEvents.DISCONNECTED, activationName, config.server(),
                AmiLifecycleEvents.CAUSE, reason));
    }

    private void lifecycle(AmiEvent event) {
        if (announce) {
            dispatcher.offerLifecycle(event);
        }
    }

    private boolean waitUnlessStopped(long millis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        synchronized (lock) {
            while (!stopped) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return true;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return false;
        }
    }

    /** The listener of one connection attempt, so reports from an old session are told apart. */
    private final class Attempt implements EventSession.Listener {
        final int number;
        boolean announced; // guarded by the stream's lock
        volatile boolean announcedSeen;
        volatile Exception lostEarly;

        Attempt(int number) {
            this.number = number;
        }

        @Override
        public void onEvent(AmiEvent event) {
            if (!announcedSeen) {
                announceFirstEvent(this);
                announcedSeen = true;
            }
            if (filter.accepts(event)) {
                dispatcher.offer(event);
            }
        }

        @Override
        public void onDisconnect(Exception cause) {
            lost(this, cause);
        }
    }
}
